package io.ltrr.engine.store;

/**
 * How often a query text was searched, as the search log holds it.
 *
 * @param query the query as typed, trimmed
 * @param count searches with that text, at least 1
 */
public record QueryCount(String query, long count) {
    public QueryCount {
        Values.requireText(query, "query");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
