package io.ltrr.engine.bandit;

import java.util.SplittableRandom;

/**
 * The random sources of one round, derived from (policy seed, round, stream) alone. Because nothing carries
 * over from earlier rounds, a policy restored from a snapshot (which records the round counter) draws exactly
 * what an uninterrupted one would; and the propensity estimate uses its own stream so that changing the
 * number of Monte Carlo draws never changes the decision.
 */
final class RoundRandom {
    /** The stream the decision of a round is drawn from. */
    static final int DECISION = 0;
    /** The stream Monte Carlo propensity estimates are drawn from. */
    static final int PROPENSITY = 1;

    private RoundRandom() {
    }

    static SplittableRandom of(long seed, long round, int stream) {
        long h = mix64(seed ^ 0x6A09E667F3BCC909L);
        h = mix64(h ^ round * 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (stream + 1L) * 0xC2B2AE3D27D4EB4FL);
        return new SplittableRandom(h);
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer: every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
