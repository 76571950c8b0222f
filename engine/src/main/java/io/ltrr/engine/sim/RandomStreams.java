package io.ltrr.engine.sim;

import java.util.SplittableRandom;

/**
 * Independent random streams of a simulation, each a pure function of (run seed, round, stream key). Because a
 * round's traffic and click coins never depend on what earlier rounds drew, every policy run on the same seed
 * meets the same users, queries and coin flips (common random numbers), and one round can be replayed alone.
 */
public final class RandomStreams {
    /** Who searches, how and for what (user, context, intent, query text). */
    public static final int TRAFFIC = 1;
    /** Click coins, one per (round, item). */
    public static final int CLICKS = 2;
    /** Bernoulli coins of the synthetic scenario, one per (round, arm). */
    public static final int REWARDS = 3;
    /** Population set-up (users, profiles), drawn once per run. */
    public static final int POPULATION = 4;
    /** Whether and when a user retries a failed search (see {@link Reformulate}). */
    public static final int REFORMULATE = 5;
    /** The coins of an interleaved round's team draft. */
    public static final int INTERLEAVING = 6;
    /** The order the {@code random} comparison ranker gives a round's candidates. */
    public static final int RANDOM_RANKER = 7;

    private RandomStreams() {
    }

    /** A generator for one (seed, round, stream). */
    public static SplittableRandom of(long seed, long round, int stream) {
        return new SplittableRandom(mix(seed, round, stream));
    }

    /** A uniform number in [0, 1) for (seed, round, stream, key): no generator is allocated. */
    public static double uniform(long seed, long round, int stream, long key) {
        long h = mix(mix(seed, round, stream), key, stream);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A 64-bit hash of a string (FNV-1a then a finalizer): keys items by id without 32-bit collisions. */
    public static long key(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return finalizeMix(h);
    }

    static long mix(long a, long b, long c) {
        long h = finalizeMix(a + 0x9e3779b97f4a7c15L);
        h = finalizeMix(h ^ (b * 0xbf58476d1ce4e5b9L + 0x632be59bd9b4e019L));
        return finalizeMix(h ^ (c * 0x94d049bb133111ebL + 0x2545f4914f6cdd1dL));
    }

    private static long finalizeMix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
