package io.ltrr.engine.bandit;

import java.util.SplittableRandom;

/**
 * Estimates P(a ∈ S) for sampling policies by replaying the policy's own randomization: draw scores for all
 * arms, take the top m, count. Every draw puts exactly m arms in S, so the estimates sum to m exactly.
 *
 * <p>The round's actual decision draw is counted as one more sample. It is a draw from the same distribution,
 * so the estimator stays consistent, and it guarantees what off-policy evaluation needs most: an arm that was
 * chosen never has propensity 0.
 */
final class MonteCarloPropensity {
    /** Fills {@code scores} (one per offered arm) with one joint draw of the policy's ranking scores. */
    @FunctionalInterface
    interface ScoreSampler {
        void sample(SplittableRandom random, double[] scores);
    }

    /** The minimum number of draws a policy may be configured with. */
    static final int MIN_DRAWS = 1_000;

    private MonteCarloPropensity() {
    }

    /**
     * @param decision the indices the round actually chose
     * @return P(arm i ∈ S) for every offered arm i
     */
    static double[] estimate(int arms, int m, int draws, ScoreSampler sampler, SplittableRandom random,
                             int[] decision) {
        long[] counts = new long[arms];
        for (int i : decision) {
            counts[i]++;
        }
        double[] scores = new double[arms];
        int[] top = new int[m];
        for (int d = 0; d < draws; d++) {
            sampler.sample(random, scores);
            TopArms.fill(scores, top);
            for (int i : top) {
                counts[i]++;
            }
        }
        double[] p = new double[arms];
        for (int i = 0; i < arms; i++) {
            p[i] = (double) counts[i] / (draws + 1);
        }
        return p;
    }

    static int checkDraws(int draws) {
        if (draws < MIN_DRAWS) {
            throw new IllegalArgumentException("draws must be >= " + MIN_DRAWS + ", was " + draws);
        }
        return draws;
    }
}
