package io.ltrr.engine.compare;

import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two configurations side by side over the same queries: the {@link SnapshotDiff} of their results (rank
 * changes, Jaccard@10, RBO per query) with each side's scores against one judgment source, and the per-query
 * metric deltas (B − A).
 *
 * @param a         configuration A, as text
 * @param b         configuration B, as text
 * @param diff      the results' diff (queries both sides have, in A's order)
 * @param queries   per shared query: its diff and both sides' scores
 * @param scoresA   A's scores and means over its queries
 * @param scoresB   B's scores and means
 */
public record ConfigComparison(String a, String b, SnapshotDiff diff, List<QueryComparison> queries,
                               QuerySetScores scoresA, QuerySetScores scoresB) {
    /** A measure whose change can be sorted on. */
    public enum Measure { NDCG, PRECISION, MRR, JACCARD, RBO }

    /** One query: the diff of its two lists and each side's scores. */
    public record QueryComparison(SnapshotDiff.QueryDiff diff, QueryScore scoreA, QueryScore scoreB) {
        public String query() {
            return diff.query();
        }

        /**
         * B − A for the metrics; for JACCARD and RBO, how much the lists differ (1 − overlap), so that a bigger
         * value is always a bigger change.
         */
        public double delta(Measure m) {
            return switch (m) {
                case NDCG -> scoreB.ndcg() - scoreA.ndcg();
                case PRECISION -> scoreB.precision() - scoreA.precision();
                case MRR -> scoreB.mrr() - scoreA.mrr();
                case JACCARD -> 1 - diff.jaccard();
                case RBO -> 1 - diff.rbo();
            };
        }
    }

    public ConfigComparison {
        Objects.requireNonNull(diff, "diff");
        queries = List.copyOf(queries);
    }

    /** Joins a diff of A and B with each side's scores (by query). */
    public static ConfigComparison of(String a, String b, SnapshotDiff diff, QuerySetScores scoresA,
                                      QuerySetScores scoresB) {
        Map<String, QueryScore> byA = index(scoresA);
        Map<String, QueryScore> byB = index(scoresB);
        List<QueryComparison> out = new ArrayList<>();
        for (SnapshotDiff.QueryDiff q : diff.queries()) {
            out.add(new QueryComparison(q, byA.get(q.query()), byB.get(q.query())));
        }
        return new ConfigComparison(a, b, diff, out, scoresA, scoresB);
    }

    /** The queries by the size of their change in a measure, biggest first (ties keep A's order). */
    public List<QueryComparison> byBiggestChange(Measure m) {
        List<QueryComparison> sorted = new ArrayList<>(queries);
        sorted.sort(Comparator.comparingDouble((QueryComparison q) -> Math.abs(q.delta(m))).reversed());
        return sorted;
    }

    /** B's mean minus A's (NaN when either is undefined). */
    public double meanDelta(Measure m) {
        return switch (m) {
            case NDCG -> scoresB.meanNdcg() - scoresA.meanNdcg();
            case PRECISION -> scoresB.meanPrecision() - scoresA.meanPrecision();
            case MRR -> scoresB.meanMrr() - scoresA.meanMrr();
            case JACCARD -> 1 - diff.meanJaccard();
            case RBO -> 1 - diff.meanRbo();
        };
    }

    private static Map<String, QueryScore> index(QuerySetScores s) {
        Map<String, QueryScore> m = new HashMap<>();
        s.queries().forEach(q -> m.putIfAbsent(q.query(), q));
        return m;
    }
}
