package io.ltrr.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SequencedSet;

/**
 * Relevance judgments: query id → (document id → grade). Grades are kept exactly as given (they may be
 * 0 or negative, as in TREC qrels); a document is <em>relevant</em> when its grade is {@code > 0}, which
 * is trec_eval's default {@code relevance_level} of 1. Immutable; queries and documents keep the order
 * in which they were first added (file order for the readers in {@link QrelsFiles}).
 */
public final class Qrels {
    private final SequencedMap<String, Map<String, Integer>> byQuery;
    private final int judgmentCount;

    private Qrels(SequencedMap<String, Map<String, Integer>> byQuery) {
        SequencedMap<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        int count = 0;
        for (var e : byQuery.entrySet()) {
            copy.put(e.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
            count += e.getValue().size();
        }
        this.byQuery = Collections.unmodifiableSequencedMap(copy);
        this.judgmentCount = count;
    }

    /** An empty set of judgments. */
    public static Qrels empty() {
        return new Qrels(new LinkedHashMap<>());
    }

    /** A builder that rejects a second judgment of the same (query, document) pair. */
    public static Builder builder() {
        return new Builder();
    }

    /** Query ids that have at least one judgment, in insertion order. */
    public SequencedSet<String> queryIds() {
        return byQuery.sequencedKeySet();
    }

    /** The judgments of one query (document id → grade), empty when the query has none. */
    public Map<String, Integer> judgments(String queryId) {
        return byQuery.getOrDefault(queryId, Map.of());
    }

    /** All judgments, query id → (document id → grade). */
    public SequencedMap<String, Map<String, Integer>> asMap() {
        return byQuery;
    }

    /** Whether the query has any judgment at all (relevant or not). */
    public boolean contains(String queryId) {
        return byQuery.containsKey(queryId);
    }

    /** Number of judged documents of the query with grade {@code > 0}. */
    public int relevantCount(String queryId) {
        int n = 0;
        for (int grade : judgments(queryId).values()) {
            if (grade > 0) {
                n++;
            }
        }
        return n;
    }

    /** Number of queries with at least one judgment. */
    public int queryCount() {
        return byQuery.size();
    }

    /** Number of (query, document) judgments, i.e. data rows of the qrels file. */
    public int judgmentCount() {
        return judgmentCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qrels other && byQuery.equals(other.byQuery);
    }

    @Override
    public int hashCode() {
        return byQuery.hashCode();
    }

    @Override
    public String toString() {
        return "Qrels[" + queryCount() + " queries, " + judgmentCount + " judgments]";
    }

    /** Collects judgments; not thread-safe. */
    public static final class Builder {
        private final SequencedMap<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds one judgment.
         *
         * @return the grade already recorded for this (query, document) pair, or {@code null} when the
         *         pair is new; on a duplicate the first grade is kept, so readers can report the line
         */
        public Integer add(String queryId, String docId, int grade) {
            requireId(queryId, "queryId");
            requireId(docId, "docId");
            return byQuery.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).putIfAbsent(docId, grade);
        }

        /** An immutable snapshot of what was added. */
        public Qrels build() {
            return new Qrels(byQuery);
        }

        private static void requireId(String id, String field) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
        }
    }
}
