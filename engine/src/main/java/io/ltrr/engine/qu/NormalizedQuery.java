package io.ltrr.engine.qu;

import java.util.List;
import java.util.Objects;

/**
 * A query (or catalog phrase) after {@link QueryNormalizer}: the normalized text and its tokens.
 *
 * @param text   normalized text: tokens joined by single spaces, "" when nothing is left
 * @param tokens the tokens, never empty strings
 */
public record NormalizedQuery(String text, List<String> tokens) {

    public NormalizedQuery {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }

    /** True when no token survived normalization. */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
