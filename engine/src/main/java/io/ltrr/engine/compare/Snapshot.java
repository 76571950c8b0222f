package io.ltrr.engine.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved query set with the results one configuration gave for it, so two configurations (or one before and
 * after a change) can be compared side by side later.
 *
 * @param description what configuration produced it, for people
 * @param config      the configuration's settings as text (arms, k, fusion, index, …)
 * @param createdAt   when it was taken, ISO-8601 text
 * @param queries     per query its ranked results, in query-set order
 */
public record Snapshot(String description, Map<String, String> config, String createdAt, List<QueryResults> queries) {
    /** One query's ranked results. */
    public record QueryResults(String query, List<Result> results) {
        public QueryResults {
            Objects.requireNonNull(query, "query");
            results = List.copyOf(results);
        }

        /** The item ids, best first. */
        public List<String> itemIds() {
            return results.stream().map(Result::itemId).toList();
        }
    }

    /** One ranked item with its score. */
    public record Result(String itemId, double score) {
        public Result {
            Objects.requireNonNull(itemId, "itemId");
        }
    }

    public Snapshot {
        description = description == null ? "" : description;
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        Objects.requireNonNull(createdAt, "createdAt");
        queries = List.copyOf(queries);
    }
}
