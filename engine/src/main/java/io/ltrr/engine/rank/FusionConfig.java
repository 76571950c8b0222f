package io.ltrr.engine.rank;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FusionRanker} does: normalise each arm's scores and combine them with weighted means, or fuse the
 * arms' ranks by reciprocal-rank fusion; and each arm's weight (an arm not named weighs 1).
 *
 * <p>As a ranker spec ({@link #parse}): {@code fusion} (min-max, arithmetic, equal weights),
 * {@code fusion:NORM:COMB} ({@code fusion:l2:geometric}, {@code fusion:z-score:arithmetic}), {@code fusion:rrf} or
 * {@code fusion:rrf:k=20}, each optionally followed by {@code :ARM=W,ARM=W} ({@code fusion:min-max:arithmetic:bm25=0.3,dense=0.7}).
 *
 * @param method        score fusion or rank fusion
 * @param normalization the per-arm normalisation (score fusion only)
 * @param combination   the weighted mean (score fusion only)
 * @param rrfK          the RRF constant k in Σ wₐ / (k + rankₐ) (rank fusion only), at least 1
 * @param weights       arm id → weight, finite and ≥ 0; arms not named weigh {@link #DEFAULT_WEIGHT}
 */
public record FusionConfig(Method method, ScoreNormalization normalization, ScoreCombination combination, int rrfK,
                           Map<String, Double> weights) {
    /** The weight of an arm the configuration does not name. */
    public static final double DEFAULT_WEIGHT = 1.0;
    /** The untrained default: min-max normalisation, weighted arithmetic mean, equal weights. */
    public static final FusionConfig DEFAULT = new FusionConfig(Method.SCORES, ScoreNormalization.MIN_MAX,
            ScoreCombination.ARITHMETIC, RrfRanker.K0, Map.of());

    /** Score fusion (normalise, then combine) or reciprocal-rank fusion. */
    public enum Method { SCORES, RRF }

    public FusionConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(combination, "combination");
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be at least 1, was " + rrfK);
        }
        if (method == Method.SCORES && normalization == ScoreNormalization.Z_SCORE && combination.needsPositiveScores()) {
            throw new IllegalArgumentException("combination: z-scores are negative below the mean; combine them with "
                    + "the arithmetic mean, not the " + combination.key() + " one");
        }
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        weights.forEach((arm, w) -> {
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weights: the weight of arm '" + arm + "' must be finite and >= 0, was " + w);
            }
        });
    }

    /** Score fusion with equal weights. */
    public static FusionConfig scores(ScoreNormalization normalization, ScoreCombination combination) {
        return new FusionConfig(Method.SCORES, normalization, combination, RrfRanker.K0, Map.of());
    }

    /** Reciprocal-rank fusion with constant k and equal weights. */
    public static FusionConfig rrf(int k) {
        return new FusionConfig(Method.RRF, ScoreNormalization.MIN_MAX, ScoreCombination.ARITHMETIC, k, Map.of());
    }

    public FusionConfig withWeights(Map<String, Double> armWeights) {
        return new FusionConfig(method, normalization, combination, rrfK, armWeights);
    }

    public double weight(String arm) {
        return weights.getOrDefault(arm, DEFAULT_WEIGHT);
    }

    /** The spec that {@link #parse} reads back to this configuration. */
    public String toSpec() {
        StringBuilder s = new StringBuilder(FusionRanker.ID);
        if (method == Method.RRF) {
            s.append(":rrf:k=").append(rrfK);
        } else {
            s.append(':').append(normalization.key()).append(':').append(combination.key());
        }
        if (!weights.isEmpty()) {
            s.append(':');
            String sep = "";
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                s.append(sep).append(w.getKey()).append('=').append(String.format(Locale.ROOT, "%.2f", w.getValue()));
                sep = ",";
            }
        }
        return s.toString();
    }

    /** Whether {@code spec} names a fusion configuration ({@code fusion} or {@code fusion:…}). */
    public static boolean isSpec(String spec) {
        return spec.equals(FusionRanker.ID) || spec.startsWith(FusionRanker.ID + ":");
    }

    /**
     * The configuration a ranker spec names (see the class comment).
     *
     * @throws IllegalArgumentException naming what is wrong in the spec
     */
    public static FusionConfig parse(String spec) {
        if (!isSpec(spec)) {
            throw new IllegalArgumentException("fusion spec must start with 'fusion', was '" + spec + "'");
        }
        String[] parts = spec.split(":", -1);
        if (parts.length == 1) {
            return DEFAULT;
        }
        FusionConfig base;
        int next;
        if (parts[1].equalsIgnoreCase("rrf")) {
            int k = RrfRanker.K0;
            next = 2;
            if (parts.length > 2 && parts[2].toLowerCase(Locale.ROOT).startsWith("k=")) {
                k = parseInt(parts[2].substring(2), spec);
                next = 3;
            }
            base = rrf(k);
        } else {
            if (parts.length < 3) {
                throw new IllegalArgumentException("fusion spec '" + spec + "': name the normalisation and the "
                        + "combination (fusion:min-max:arithmetic) or rrf (fusion:rrf:k=60)");
            }
            base = scores(ScoreNormalization.fromKey(parts[1]), ScoreCombination.fromKey(parts[2]));
            next = 3;
        }
        if (parts.length == next) {
            return base;
        }
        if (parts.length > next + 1) {
            throw new IllegalArgumentException("fusion spec '" + spec + "': too many parts");
        }
        return base.withWeights(parseWeights(parts[next], spec));
    }

    private static Map<String, Double> parseWeights(String text, String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fusion spec '" + spec + "': weights are ARM=W,ARM=W, got '" + pair + "'");
            }
            try {
                out.put(pair.substring(0, eq).trim(), Double.parseDouble(pair.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fusion spec '" + spec + "': '" + pair + "' has no number as weight");
            }
        }
        return out;
    }

    private static int parseInt(String text, String spec) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fusion spec '" + spec + "': k must be a whole number, got '" + text + "'");
        }
    }
}
