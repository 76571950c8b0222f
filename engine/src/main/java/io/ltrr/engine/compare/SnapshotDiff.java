package io.ltrr.engine.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Side-by-side comparison of two snapshots over the queries both contain (matched by exact query text, in A's
 * order): Jaccard@k, extrapolated RBO and per-item rank changes per query, and the means over those queries.
 *
 * @param k           cutoff of the Jaccard overlap
 * @param p           RBO persistence
 * @param queries     one entry per shared query
 * @param onlyInA     queries only A has
 * @param onlyInB     queries only B has
 * @param meanJaccard mean Jaccard@k over shared queries (NaN when none)
 * @param meanRbo     mean RBO over shared queries (NaN when none)
 */
public record SnapshotDiff(int k, double p, List<QueryDiff> queries, List<String> onlyInA, List<String> onlyInB,
                           double meanJaccard, double meanRbo) {
    /** One query's comparison. */
    public record QueryDiff(String query, double jaccard, double rbo, List<RankChange> changes) {
        public QueryDiff {
            changes = List.copyOf(changes);
        }

        /** A's list, best first (for a side-by-side view), each item with its change. */
        public List<RankChange> listA() {
            return side(RankChange::rankA);
        }

        /** B's list, best first, each item with its change. */
        public List<RankChange> listB() {
            return side(RankChange::rankB);
        }

        private List<RankChange> side(java.util.function.Function<RankChange, Integer> rank) {
            return changes.stream().filter(c -> rank.apply(c) != null)
                    .sorted(java.util.Comparator.comparing(rank)).toList();
        }
    }

    /** Compares A (before) with B (after) at the customary cutoff 10 and RBO persistence 0.9. */
    public static SnapshotDiff of(Snapshot a, Snapshot b) {
        return of(a, b, 10, ListOverlap.DEFAULT_P);
    }

    /** Compares A (before) with B (after). */
    public static SnapshotDiff of(Snapshot a, Snapshot b, int k, double p) {
        Map<String, List<String>> inB = new LinkedHashMap<>();
        b.queries().forEach(q -> inB.putIfAbsent(q.query(), q.itemIds()));
        List<QueryDiff> diffs = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Snapshot.QueryResults q : a.queries()) {
            if (!seen.add(q.query())) {
                continue;
            }
            List<String> other = inB.get(q.query());
            if (other == null) {
                onlyA.add(q.query());
                continue;
            }
            diffs.add(new QueryDiff(q.query(), ListOverlap.jaccardAt(q.itemIds(), other, k),
                    ListOverlap.rbo(q.itemIds(), other, p), ListOverlap.rankChanges(q.itemIds(), other)));
        }
        List<String> onlyB = inB.keySet().stream().filter(q -> !seen.contains(q)).toList();
        double mj = diffs.stream().mapToDouble(QueryDiff::jaccard).average().orElse(Double.NaN);
        double mr = diffs.stream().mapToDouble(QueryDiff::rbo).average().orElse(Double.NaN);
        return new SnapshotDiff(k, p, diffs, onlyA, onlyB, mj, mr);
    }
}
