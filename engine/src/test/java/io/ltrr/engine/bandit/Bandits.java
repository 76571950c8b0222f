package io.ltrr.engine.bandit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test fixtures: a two-feature context and a seeded Bernoulli environment. */
final class Bandits {
    static final List<String> FEATURES = List.of("bias", "f");

    private Bandits() {
    }

    static ContextVector context(double f) {
        return new ContextVector(FEATURES, new double[] {1, f});
    }

    /**
     * A Bernoulli reward whose draw depends only on (seed, round, arm), so two runs that reach the same round
     * see the same rewards whatever happened before.
     */
    static double bernoulli(long seed, long round, String arm, double rate) {
        long h = RoundRandom.mix64(seed * 0x9E3779B97F4A7C15L + round) ^ arm.hashCode();
        return new SplittableRandom(h).nextDouble() < rate ? 1.0 : 0.0;
    }

    /** Plays one round against fixed rates, updates, returns the selection. */
    static Selection play(SelectionPolicy policy, ContextVector x, Map<String, Double> rates, SelectionBudget budget,
                          long rewardSeed) {
        Selection s = policy.select(x, List.copyOf(rates.keySet()), budget);
        Map<String, Double> rewards = new HashMap<>();
        for (String arm : s.chosen()) {
            rewards.put(arm, bernoulli(rewardSeed, s.round(), arm, rates.get(arm)));
        }
        policy.update(x, s.candidates().keySet(), rewards);
        return s;
    }
}
