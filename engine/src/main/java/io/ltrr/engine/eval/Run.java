package io.ltrr.engine.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * A retrieval run: query id → that query's results (document and score), in the order the system
 * returned them. Immutable; a query lists each document at most once (trec_eval rejects duplicates too).
 * How the results become a ranking for evaluation is chosen with {@link RankOrder}.
 */
public final class Run {
    private final SequencedMap<String, List<ScoredDoc>> byQuery;

    private Run(SequencedMap<String, List<ScoredDoc>> byQuery) {
        SequencedMap<String, List<ScoredDoc>> copy = new LinkedHashMap<>();
        byQuery.forEach((q, docs) -> copy.put(q, List.copyOf(docs)));
        this.byQuery = Collections.unmodifiableSequencedMap(copy);
    }

    /**
     * A run from a map of results; rejects blank query ids and a document listed twice for one query.
     */
    public static Run of(Map<String, ? extends List<ScoredDoc>> results) {
        Builder builder = builder();
        results.forEach((query, docs) -> docs.forEach(d -> {
            if (!builder.add(query, d)) {
                throw new IllegalArgumentException("query '" + query + "' lists document '" + d.docId() + "' twice");
            }
        }));
        return builder.build();
    }

    /** A builder that keeps insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Query ids with results, in insertion order. */
    public SequencedSet<String> queryIds() {
        return byQuery.sequencedKeySet();
    }

    /** The query's results in the order given, empty when the run has none for it. */
    public List<ScoredDoc> results(String queryId) {
        return byQuery.getOrDefault(queryId, List.of());
    }

    /** The query's document ids ordered as {@code order} says, best first. */
    public List<String> ranking(String queryId, RankOrder order) {
        return order.rank(results(queryId));
    }

    /** All results, query id → results in the order given. */
    public SequencedMap<String, List<ScoredDoc>> asMap() {
        return byQuery;
    }

    /**
     * This run as it reads back after being written with {@code printf("%.<decimals>f")} and parsed with
     * {@code strtod}: Anserini and Pyserini write run files with 6 decimals, and trec_eval ranks by what is
     * in the file, so scores that differ only beyond the 6th decimal become ties there. Use
     * {@code roundedTo(6)} before evaluating with {@link RankOrder#TREC_EVAL} to reproduce their figures
     * from in-memory scores. Rounds the exact binary value half-to-even, as glibc's printf does.
     */
    public Run roundedTo(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, was " + decimals);
        }
        SequencedMap<String, List<ScoredDoc>> rounded = new LinkedHashMap<>();
        byQuery.forEach((q, docs) -> rounded.put(q, docs.stream()
                .map(d -> new ScoredDoc(d.docId(), round(d.score(), decimals)))
                .toList()));
        return new Run(rounded);
    }

    private static double round(double score, int decimals) {
        if (Double.isInfinite(score)) {
            return score;
        }
        return new BigDecimal(score).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Run other && byQuery.equals(other.byQuery);
    }

    @Override
    public int hashCode() {
        return byQuery.hashCode();
    }

    @Override
    public String toString() {
        return "Run[" + byQuery.size() + " queries]";
    }

    /** Collects results query by query; not thread-safe. */
    public static final class Builder {
        private final SequencedMap<String, List<ScoredDoc>> byQuery = new LinkedHashMap<>();
        private final Map<String, Set<String>> seen = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Appends a result to the query's list.
         *
         * @return false (and adds nothing) when the query already lists this document
         */
        public boolean add(String queryId, ScoredDoc doc) {
            if (queryId == null || queryId.isBlank()) {
                throw new IllegalArgumentException("queryId must not be blank");
            }
            if (!seen.computeIfAbsent(queryId, q -> new HashSet<>()).add(doc.docId())) {
                return false;
            }
            byQuery.computeIfAbsent(queryId, q -> new ArrayList<>()).add(doc);
            return true;
        }

        /** Appends a result to the query's list; see {@link #add(String, ScoredDoc)}. */
        public boolean add(String queryId, String docId, double score) {
            return add(queryId, new ScoredDoc(docId, score));
        }

        /** An immutable snapshot of what was added. */
        public Run build() {
            return new Run(byQuery);
        }
    }
}
