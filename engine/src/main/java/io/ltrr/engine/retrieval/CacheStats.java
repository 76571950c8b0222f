package io.ltrr.engine.retrieval;

import java.util.Map;

/**
 * How much searching arms with a result cache did.
 *
 * @param requests retrievals asked of them
 * @param searches searches they made: fewer than requests when repeats were answered from the cache
 */
public record CacheStats(long requests, long searches) {
    public static final CacheStats NONE = new CacheStats(0, 0);

    public CacheStats {
        if (requests < 0 || searches < 0) {
            throw new IllegalArgumentException("counts must be >= 0, had " + requests + " and " + searches);
        }
    }

    /** Searches per request, 0 when there was none (1 without a cache; below 1 as repeats are answered). */
    public double searchesPerRequest() {
        return requests == 0 ? 0 : (double) searches / requests;
    }

    public CacheStats plus(CacheStats other) {
        return new CacheStats(requests + other.requests, searches + other.searches);
    }

    /** The sum over the arms. */
    public static CacheStats of(Map<String, RetrievalStrategy> arms) {
        CacheStats sum = NONE;
        for (RetrievalStrategy arm : arms.values()) {
            sum = sum.plus(arm.resultCacheStats());
        }
        return sum;
    }
}
