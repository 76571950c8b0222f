package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies a simulation can run: every id of {@link PolicyRegistry#standard()} plus {@code fixed:ARM}.
 * A policy's seed is derived from the run's seed, so it never shares a stream with the traffic.
 */
public final class SimulationPolicies {
    private SimulationPolicies() {
    }

    /**
     * @throws IllegalArgumentException for an unknown id (the message lists the valid ones)
     */
    public static SelectionPolicy create(String id, long runSeed, List<String> featureNames) {
        if (id.startsWith(FixedArmPolicy.PREFIX)) {
            return new FixedArmPolicy(id.substring(FixedArmPolicy.PREFIX.length()));
        }
        try {
            return PolicyRegistry.standard().create(id, policySeed(runSeed), featureNames, PolicyOptions.none());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (or fixed:ARM)", e);
        }
    }

    /** The ids a simulation accepts, with the fixed-arm form for each arm given. */
    public static List<String> ids(List<String> arms) {
        List<String> out = new ArrayList<>(PolicyRegistry.standard().ids());
        arms.forEach(a -> out.add(FixedArmPolicy.PREFIX + a));
        return out;
    }

    static long policySeed(long runSeed) {
        return RandomStreams.mix(runSeed, -1, 0x5eed);
    }
}
