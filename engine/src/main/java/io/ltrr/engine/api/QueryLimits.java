package io.ltrr.engine.api;

/**
 * Bounds on the query text the facade accepts. A query is logged whole, so its length is bounded before any
 * work: a pasted 10 kB text used to run the round and then fail on the store's column limit with a database
 * error. Rejected, not truncated, so what is logged is always what was typed.
 */
public final class QueryLimits {
    /** Most characters (Unicode code points) of a query. */
    public static final int MAX_QUERY_CHARS = 1000;

    private QueryLimits() {
    }

    /**
     * Checks a query's length.
     *
     * @throws IllegalArgumentException for a null query or one over {@value #MAX_QUERY_CHARS} characters, saying
     *                                  how long it was
     */
    public static String check(String query) {
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        // Cheap pre-check: fewer UTF-16 units than the limit means fewer code points too.
        if (query.length() > MAX_QUERY_CHARS) {
            int chars = query.codePointCount(0, query.length());
            if (chars > MAX_QUERY_CHARS) {
                throw new IllegalArgumentException("query is too long: " + chars + " characters (at most "
                        + MAX_QUERY_CHARS + ")");
            }
        }
        return query;
    }
}
