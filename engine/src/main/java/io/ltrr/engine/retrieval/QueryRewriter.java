package io.ltrr.engine.retrieval;

import java.util.Objects;
import java.util.Optional;

/**
 * A source of query rewrites learned from reformulations (see {@code io.ltrr.engine.rewrite.RewriteModel}).
 * Implementations are thread-safe.
 */
public interface QueryRewriter {
    /** A rewriter that never has a rewrite (offline evaluation, tests). */
    QueryRewriter NONE = q -> Optional.empty();

    /**
     * A rewrite of a query.
     *
     * @param from        the normalized query that fails
     * @param query       the normalized query to search with instead
     * @param probability how likely a search that starts with {@code from} ends in a click on {@code query}
     */
    record Rewrite(String from, String query, double probability) {
        public Rewrite {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(query, "query");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
            }
        }
    }

    /** The best rewrite of a normalized query, or empty when there is none. */
    Optional<Rewrite> rewrite(String normalizedQuery);
}
