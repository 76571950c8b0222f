package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies a simulation can run: every id of {@link PolicyRegistry#standard()} plus the baselines
 * {@code fixed:ARM} (one arm always) and {@code fused:RANKER} (every arm, fused by a ranker of {@link SimRankers}).
 * A policy's seed is derived from the run's seed, so it never shares a stream with the traffic.
 */
public final class SimulationPolicies {
    /**
     * The id the score-fusion ranker (normalised arm scores combined with learned weights) will have in
     * {@link SimRankers}: its baseline row {@code fused:fusion} appears in {@link #baselines} as soon as the ranker
     * is registered there; until then the leaderboard has the RRF fusion row only.
     */
    public static final String FUSION_RANKER = "fusion";

    private SimulationPolicies() {
    }

    /**
     * @throws IllegalArgumentException for an unknown id (the message lists the valid ones)
     */
    public static SelectionPolicy create(String id, long runSeed, List<String> featureNames) {
        if (id.startsWith(FixedArmPolicy.PREFIX)) {
            return new FixedArmPolicy(id.substring(FixedArmPolicy.PREFIX.length()));
        }
        if (id.startsWith(FusedArmsPolicy.PREFIX)) {
            return new FusedArmsPolicy(SimRankers.requireKnown(id.substring(FusedArmsPolicy.PREFIX.length())));
        }
        try {
            return PolicyRegistry.standard().create(id, policySeed(runSeed), featureNames, PolicyOptions.none());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (or fixed:ARM, or fused:RANKER with RANKER one of "
                    + SimRankers.IDS + ")", e);
        }
    }

    /**
     * The ranker the world of policy {@code id} ranks with: a {@code fused:RANKER} baseline names its own, every other
     * policy ranks with the run's.
     *
     * @throws IllegalArgumentException for a fused baseline with an unknown ranker
     */
    public static String rankerOf(String id, String runRanker) {
        return id.startsWith(FusedArmsPolicy.PREFIX)
                ? SimRankers.requireKnown(id.substring(FusedArmsPolicy.PREFIX.length())) : runRanker;
    }

    /**
     * The baselines a leaderboard adds beside the policies asked for: {@code fixed:ARM} for every offered arm, then
     * every offered arm fused by RRF ({@code fused:rrf}) and, once {@link SimRankers} offers it, by the score-fusion
     * ranker ({@code fused:fusion}, {@link #FUSION_RANKER}).
     */
    public static List<String> baselines(List<String> arms) {
        List<String> out = new ArrayList<>();
        arms.forEach(a -> out.add(FixedArmPolicy.PREFIX + a));
        out.add(FusedArmsPolicy.PREFIX + io.ltrr.engine.rank.RrfRanker.ID);
        if (SimRankers.IDS.contains(FUSION_RANKER)) {
            out.add(FusedArmsPolicy.PREFIX + FUSION_RANKER);
        }
        return out;
    }

    /** The ids a simulation accepts, with the fixed-arm form for each arm given. */
    public static List<String> ids(List<String> arms) {
        List<String> out = new ArrayList<>(PolicyRegistry.standard().ids());
        arms.forEach(a -> out.add(FixedArmPolicy.PREFIX + a));
        SimRankers.IDS.forEach(r -> out.add(FusedArmsPolicy.PREFIX + r));
        return out;
    }

    static long policySeed(long runSeed) {
        return RandomStreams.mix(runSeed, -1, 0x5eed);
    }
}
