package io.ltrr.engine.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts of strings (genres, styles, spellings of a name) with a deterministic "most frequent first" order. */
final class TagCounts {

    // Ties go to the alphabetically first value so that the result never depends on hash or input order.
    private static final Comparator<Map.Entry<String, Integer>> MOST_FREQUENT_FIRST =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private final Map<String, Integer> counts = new HashMap<>();

    void add(String value) {
        if (!value.isEmpty()) {
            counts.merge(value, 1, Integer::sum);
        }
    }

    void addAll(List<String> values) {
        values.forEach(this::add);
    }

    /** The {@code k} most frequent values, most frequent first. */
    List<String> top(int k) {
        return counts.entrySet().stream().sorted(MOST_FREQUENT_FIRST).limit(k).map(Map.Entry::getKey).toList();
    }

    /** The most frequent value, or "" when nothing was counted. */
    String first() {
        List<String> top = top(1);
        return top.isEmpty() ? "" : top.getFirst();
    }
}
