package io.ltrr.engine.api;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.retrieval.CandidateList;
import java.util.Map;

/**
 * The candidates each requested arm returned for one query (before any bandit or ranker).
 *
 * @param query  the query text as given
 * @param analysis query understanding of the query (interpretations, type, features)
 * @param lists  arm id → its candidates, in the order the arms were requested
 * @param micros arm id → time the arm took, in microseconds
 * @param items  every retrieved item, by id
 */
public record ArmSearch(String query, QueryAnalysis analysis, Map<String, CandidateList> lists, Map<String, Long> micros,
                        Map<String, Item> items) {
    public ArmSearch {
        items = Map.copyOf(items);
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        micros = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(micros));
    }
}
