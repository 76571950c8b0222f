package io.ltrr.engine.rank;

import java.util.Locale;

/**
 * How one arm's scores for one query are brought to a common scale before fusion (the normalisation techniques of
 * OpenSearch's hybrid search). Each works on the scores of the items the arm retrieved; an item the arm did not
 * retrieve gets {@link #absent(double[])}.
 */
public enum ScoreNormalization {
    /** (s − min) / (max − min); all equal → 1 (every retrieved item is the arm's best). Absent: 0. */
    MIN_MAX("min-max") {
        @Override
        public double[] normalize(double[] s) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = max > min ? (s[i] - min) / (max - min) : 1.0;
            }
            return out;
        }
    },
    /** (s − mean) / sd, the population standard deviation; sd 0 → 0. Absent: the lowest z-score of the list. */
    Z_SCORE("z-score") {
        @Override
        public double[] normalize(double[] s) {
            double mean = 0;
            for (double v : s) {
                mean += v;
            }
            mean /= Math.max(1, s.length);
            double var = 0;
            for (double v : s) {
                var += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(var / Math.max(1, s.length));
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = sd > 0 ? (s[i] - mean) / sd : 0.0;
            }
            return out;
        }

        @Override
        public double absent(double[] normalized) {
            double min = 0;
            for (double v : normalized) {
                min = Math.min(min, v);
            }
            return min;
        }
    },
    /** s / ‖s‖₂ over the arm's list; a zero vector stays 0. Absent: 0. */
    L2("l2") {
        @Override
        public double[] normalize(double[] s) {
            double norm = 0;
            for (double v : s) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = norm > 0 ? s[i] / norm : 0.0;
            }
            return out;
        }
    };

    private final String key;

    ScoreNormalization(String key) {
        this.key = key;
    }

    /** The name used in ranker specs and explanations ("min-max", "z-score", "l2"). */
    public String key() {
        return key;
    }

    /** The normalised scores, in the order given. */
    public abstract double[] normalize(double[] scores);

    /** The normalised score of an item the arm did not retrieve, given the arm's normalised scores. */
    public double absent(double[] normalized) {
        return 0.0;
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static ScoreNormalization fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        for (ScoreNormalization n : values()) {
            if (n.key.equals(k) || n.key.replace("-", "").equals(k)) {
                return n;
            }
        }
        throw new IllegalArgumentException("normalisation: unknown '" + key + "'; known: min-max, z-score, l2");
    }
}
