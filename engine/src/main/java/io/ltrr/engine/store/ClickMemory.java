package io.ltrr.engine.store;

import java.util.List;
import java.util.Map;

/** The durable query → item memory (Q2E): metadata predictions smoothed by observed impressions and clicks. */
public interface ClickMemory {
    /** Sets the predicted score of many query → item pairs (inserting new pairs), keeping observed counts. */
    void q2eUpsertPredicted(List<Q2ePrediction> predictions);

    /**
     * Adds observed impressions and clicks for a query; pairs not yet in memory are added with prediction 0.
     *
     * @param impressions item id → impressions to add (≥ 0)
     * @param clicks      item id → clicks to add (≥ 0)
     */
    void q2eObserve(String normalizedQuery, Map<String, Long> impressions, Map<String, Long> clicks);

    /** The best items remembered for a query by smoothed score (ties by item id), at most limit. */
    List<Q2eEntry> q2eLookup(String normalizedQuery, int limit);

    /** Whether the memory has any item for the query. */
    boolean q2eHasQuery(String normalizedQuery);
}
