package io.ltrr.engine.retrieval;

import java.util.List;
import java.util.Map;

/**
 * The click memory (Q2E): per normalized query, items with a smoothed score
 * (clicks + α·predicted) / (impressions + α). Implemented by the feedback store (durable) and in memory
 * (simulation).
 */
public interface QueryMemory {
    /** A remembered item of a query. */
    record Entry(String itemId, double score, double predicted, long impressions, long clicks) {
    }

    /** The best remembered items of a normalized query, best first. */
    List<Entry> lookup(String normalizedQuery, int limit);

    /** Whether the memory knows this normalized query at all. */
    boolean knows(String normalizedQuery);

    /** Counts impressions and clicks of items for a query (adds the pair when new). */
    void observe(String normalizedQuery, Map<String, Integer> impressions, Map<String, Integer> clicks);
}
