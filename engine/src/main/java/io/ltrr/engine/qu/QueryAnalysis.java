package io.ltrr.engine.qu;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What query understanding made of one query.
 *
 * @param original        the text as typed
 * @param normalized      normalized text (see {@link QueryNormalizer})
 * @param tokens          normalized tokens
 * @param interpretations readings sorted by likelihood, highest first; never empty (the free-text reading
 *                        is always present) and the likelihoods sum to 1
 * @param type            entity / topical / ambiguous
 * @param confidence      the likelihood of the top interpretation
 * @param features        named numeric features for the selection policy and the ranker ("qu.tokens", …),
 *                        in a stable order
 */
public record QueryAnalysis(String original, String normalized, List<String> tokens,
                            List<Interpretation> interpretations, QueryType type, double confidence,
                            Map<String, Double> features) {

    public QueryAnalysis {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(type, "type");
        tokens = List.copyOf(tokens);
        interpretations = List.copyOf(interpretations);
        if (interpretations.isEmpty()) {
            throw new IllegalArgumentException("interpretations must hold at least the free-text reading");
        }
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
    }

    /** The most likely interpretation. */
    public Interpretation top() {
        return interpretations.getFirst();
    }

    /** The free-text interpretation (always present). */
    public Interpretation freeText() {
        return interpretations.stream().filter(Interpretation::isFreeText).findFirst().orElseThrow();
    }

    /** A feature by name, 0 when absent. */
    public double feature(String name) {
        return features.getOrDefault(name, 0.0);
    }
}
