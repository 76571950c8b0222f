package io.ltrr.engine.retrieval;

import java.util.random.RandomGenerator;

/**
 * Vose's alias method: after an O(n) build, an index {@code i} is drawn with probability {@code w[i] / Σw} in O(1)
 * (one uniform index, one uniform coin). The explore arm keeps one per catalog tag so that a draw over a topic of
 * 10⁵ items costs the same as over 10 (issue 24). Memory: 8 bytes per entry (a float threshold, an int alias).
 * Hand-written (some 40 lines) because the draws must come from the request's own {@link RandomGenerator}; Commons
 * RNG's sampler wants its own generator type and is not on the class path.
 */
public final class AliasTable {
    private final float[] threshold;
    private final int[] alias;
    private final double total;

    /**
     * @param weights each entry's weight, finite and ≥ 0, not all 0
     * @throws IllegalArgumentException for an empty array, a negative or non-finite weight, or an all-zero sum
     */
    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, had " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        this.total = sum;
        this.threshold = new float[n];
        this.alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int s = 0;
        int l = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) {
                small[s++] = i;
            } else {
                large[l++] = i;
            }
        }
        while (s > 0 && l > 0) {
            int less = small[--s];
            int more = large[--l];
            threshold[less] = (float) scaled[less];
            alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1;
            if (scaled[more] < 1) {
                small[s++] = more;
            } else {
                large[l++] = more;
            }
        }
        // what is left is 1 up to rounding: always itself
        while (l > 0) {
            int i = large[--l];
            threshold[i] = 1f;
            alias[i] = i;
        }
        while (s > 0) {
            int i = small[--s];
            threshold[i] = 1f;
            alias[i] = i;
        }
    }

    /** An index drawn with probability proportional to its weight. */
    public int sample(RandomGenerator random) {
        int i = random.nextInt(threshold.length);
        return random.nextDouble() < threshold[i] ? i : alias[i];
    }

    public int size() {
        return threshold.length;
    }

    /** The sum of the weights. */
    public double total() {
        return total;
    }
}
