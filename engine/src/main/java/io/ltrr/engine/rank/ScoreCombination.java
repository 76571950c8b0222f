package io.ltrr.engine.rank;

import java.util.Locale;

/**
 * How an item's normalised per-arm scores become one score: weighted means over every arm of the fusion (the
 * combination techniques of OpenSearch's hybrid search). An arm that did not retrieve the item takes part with its
 * absent score ({@link ScoreNormalization#absent}); the geometric and harmonic means raise non-positive scores to
 * {@link #FLOOR}, so an arm that missed the item pulls its score down hard: they reward agreement between arms.
 */
public enum ScoreCombination {
    /** Σ wᵢsᵢ / Σ wᵢ. */
    ARITHMETIC("arithmetic") {
        @Override
        public double combine(double[] s, double[] w) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < s.length; i++) {
                num += w[i] * s[i];
                den += w[i];
            }
            return den > 0 ? num / den : 0;
        }
    },
    /** exp(Σ wᵢ ln sᵢ / Σ wᵢ). */
    GEOMETRIC("geometric") {
        @Override
        public double combine(double[] s, double[] w) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < s.length; i++) {
                num += w[i] * Math.log(Math.max(FLOOR, s[i]));
                den += w[i];
            }
            return den > 0 ? Math.exp(num / den) : 0;
        }
    },
    /** Σ wᵢ / Σ (wᵢ / sᵢ). */
    HARMONIC("harmonic") {
        @Override
        public double combine(double[] s, double[] w) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < s.length; i++) {
                num += w[i];
                den += w[i] / Math.max(FLOOR, s[i]);
            }
            return den > 0 ? num / den : 0;
        }
    };

    /** The least score the geometric and harmonic means take (their logs and reciprocals need a positive one). */
    public static final double FLOOR = 1e-3;

    private final String key;

    ScoreCombination(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether the combination needs non-negative scores (the geometric and harmonic means). */
    public boolean needsPositiveScores() {
        return this != ARITHMETIC;
    }

    /**
     * The combined score.
     *
     * @param scores  normalised scores, one per arm
     * @param weights the arms' weights (≥ 0), in the same order
     */
    public abstract double combine(double[] scores, double[] weights);

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static ScoreCombination fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (ScoreCombination c : values()) {
            if (c.key.equals(k) || (c.key + "-mean").equals(k) || c.key.substring(0, 5).equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("combination: unknown '" + key + "'; known: arithmetic, geometric, harmonic");
    }
}
