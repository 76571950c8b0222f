package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies a simulation can run: every id of {@link PolicyRegistry#standard()} plus the baselines
 * {@code fixed:ARM} (one arm always) and {@code fused:RANKER} (every arm, fused by a ranker of {@link SimRankers}), each
 * optionally with its options as a spec {@code ID(KEY=VALUE;KEY=VALUE)}, e.g.
 * {@code thompson(bucketFeatures=ctx.voice+ctx.entity)}: list values are separated by "+" there, because ","
 * separates the policies of {@code compare --policies}. The spec is the policy's name in a run's output, so the
 * same policy with other options is another row. A policy's seed is derived from the run's seed, so it never
 * shares a stream with the traffic.
 */
public final class SimulationPolicies {
    /** The score-fusion ranker of {@link SimRankers} (issue 23): its baseline row is {@code fused:fusion}. */
    public static final String FUSION_RANKER = io.ltrr.engine.rank.FusionRanker.ID;

    private SimulationPolicies() {
    }

    /**
     * @param spec an id or {@code ID(KEY=VALUE;…)}
     * @throws IllegalArgumentException for an unknown id or option, or a malformed spec (the message says which)
     */
    public static SelectionPolicy create(String spec, long runSeed, List<String> featureNames) {
        if (spec.startsWith(FixedArmPolicy.PREFIX)) {
            return new FixedArmPolicy(spec.substring(FixedArmPolicy.PREFIX.length()));
        }
        if (spec.startsWith(FusedArmsPolicy.PREFIX)) {
            return new FusedArmsPolicy(SimRankers.requireKnown(spec.substring(FusedArmsPolicy.PREFIX.length())));
        }
        String id = idOf(spec);
        try {
            return PolicyRegistry.standard().create(id, policySeed(runSeed), featureNames, optionsOf(spec));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (id.equals(spec)
                    ? " (or fixed:ARM, or fused:RANKER with RANKER one of " + SimRankers.IDS + ")" : ""), e);
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
     * every offered arm fused by RRF ({@code fused:rrf}) and, where the scenario ranks a shown list (music; the
     * others are ranked by RRF only), by the score-fusion ranker ({@code fused:fusion}, {@link #FUSION_RANKER}).
     */
    public static List<String> baselines(List<String> arms, Scenario scenario) {
        List<String> out = new ArrayList<>();
        arms.forEach(a -> out.add(FixedArmPolicy.PREFIX + a));
        out.add(FusedArmsPolicy.PREFIX + io.ltrr.engine.rank.RrfRanker.ID);
        if (scenario instanceof MusicScenario) {
            out.add(FusedArmsPolicy.PREFIX + FUSION_RANKER);
        }
        return out;
    }

    /**
     * The warnings of a run's policies about its context (see {@link SelectionPolicy#contextWarning}): one per
     * policy spec that keys on features the scenario's contexts lack, in the order given, without repeats.
     */
    public static List<String> contextWarnings(List<String> specs, List<String> featureNames) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String spec : specs) {
            Optional<String> w = create(spec, 0, featureNames).contextWarning(featureNames);
            w.ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The policy id of a spec: the text before "(". */
    static String idOf(String spec) {
        int open = spec.indexOf('(');
        return open < 0 ? spec.strip() : spec.substring(0, open).strip();
    }

    /** The options of a spec: none without "(…)". */
    static PolicyOptions optionsOf(String spec) {
        int open = spec.indexOf('(');
        if (open < 0) {
            return PolicyOptions.none();
        }
        if (!spec.endsWith(")")) {
            throw new IllegalArgumentException("policy '" + spec + "': options must end with ')', as in "
                    + "thompson(bucketFeatures=a+b;draws=2000)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.substring(open + 1, spec.length() - 1).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("policy '" + spec + "': option '" + pair.strip()
                        + "' must be KEY=VALUE");
            }
            String key = pair.substring(0, eq).strip();
            if (values.put(key, pair.substring(eq + 1).strip().replace('+', ',')) != null) {
                throw new IllegalArgumentException("policy '" + spec + "': option '" + key + "' given twice");
            }
        }
        return new PolicyOptions(values);
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
