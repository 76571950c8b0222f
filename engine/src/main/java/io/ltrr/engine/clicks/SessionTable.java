package io.ltrr.engine.clicks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Sessions as the estimators iterate them: each (query, item) pair numbered in order of first appearance, each
 * session a row of pair numbers by position with its clicks. Iterating rows in session order keeps every sum in
 * one order, so a fit is the same bit for bit on the same sessions.
 */
final class SessionTable {
    final String[] queries;
    final String[] items;
    final int[][] shown;
    final boolean[][] clicked;
    /** Per pair: times shown, times clicked. */
    final int[] impressions;
    final int[] clicks;
    /** Per 0-based position: times a list reached it, clicks there. */
    final int[] impressionsAt;
    final int[] clicksAt;

    private SessionTable(String[] queries, String[] items, int[][] shown, boolean[][] clicked) {
        this.queries = queries;
        this.items = items;
        this.shown = shown;
        this.clicked = clicked;
        int depth = Arrays.stream(shown).mapToInt(r -> r.length).max().orElse(0);
        this.impressions = new int[queries.length];
        this.clicks = new int[queries.length];
        this.impressionsAt = new int[depth];
        this.clicksAt = new int[depth];
        for (int s = 0; s < shown.length; s++) {
            for (int k = 0; k < shown[s].length; k++) {
                impressions[shown[s][k]]++;
                impressionsAt[k]++;
                if (clicked[s][k]) {
                    clicks[shown[s][k]]++;
                    clicksAt[k]++;
                }
            }
        }
    }

    static SessionTable of(List<ClickSession> sessions) {
        Map<Pair, Integer> index = new HashMap<>();
        List<String> queries = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<int[]> shown = new ArrayList<>();
        List<boolean[]> clicked = new ArrayList<>();
        for (ClickSession session : sessions) {
            int n = session.shown().size();
            if (n == 0) {
                continue;
            }
            int[] row = new int[n];
            boolean[] hits = new boolean[n];
            for (int k = 0; k < n; k++) {
                String item = session.shown().get(k);
                Integer p = index.putIfAbsent(new Pair(session.query(), item), queries.size());
                if (p == null) {
                    p = queries.size();
                    queries.add(session.query());
                    items.add(item);
                }
                row[k] = p;
                hits[k] = session.clickedAt(k + 1);
            }
            shown.add(row);
            clicked.add(hits);
        }
        return new SessionTable(queries.toArray(String[]::new), items.toArray(String[]::new),
                shown.toArray(int[][]::new), clicked.toArray(boolean[][]::new));
    }

    private record Pair(String query, String item) {
    }

    /**
     * The impressions grouped by (pair, position), in order of first appearance: what a model whose positions are
     * independent (PBM) needs, each cell once however often it recurs.
     */
    Cells cells() {
        Map<Long, Integer> index = new HashMap<>();
        List<int[]> cells = new ArrayList<>();
        for (int s = 0; s < shown.length; s++) {
            for (int k = 0; k < shown[s].length; k++) {
                long key = (long) shown[s][k] * impressionsAt.length + k;
                Integer c = index.putIfAbsent(key, cells.size());
                if (c == null) {
                    c = cells.size();
                    cells.add(new int[] {shown[s][k], k, 0, 0});
                }
                int[] cell = cells.get(c);
                cell[2]++;
                if (clicked[s][k]) {
                    cell[3]++;
                }
            }
        }
        int n = cells.size();
        Cells out = new Cells(new int[n], new int[n], new int[n], new int[n]);
        for (int c = 0; c < n; c++) {
            int[] cell = cells.get(c);
            out.pair[c] = cell[0];
            out.position[c] = cell[1];
            out.impressions[c] = cell[2];
            out.clicks[c] = cell[3];
        }
        return out;
    }

    /**
     * The distinct sessions (same pairs in the same order, same clicks) with how often each occurs, in order of
     * first appearance: what a model that reads a session as a whole (DBN) needs, each distinct one once.
     */
    Distinct distinct() {
        Map<Row, Integer> index = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int s = 0; s < shown.length; s++) {
            Row row = new Row(shown[s], clicked[s]);
            Integer r = index.putIfAbsent(row, rows.size());
            if (r == null) {
                rows.add(row);
                counts.add(1);
            } else {
                counts.set(r, counts.get(r) + 1);
            }
        }
        return new Distinct(rows.stream().map(Row::pairs).toArray(int[][]::new),
                rows.stream().map(Row::clicked).toArray(boolean[][]::new),
                counts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Distinct sessions: pairs by position, clicks, and how many sessions each stands for. */
    record Distinct(int[][] shown, boolean[][] clicked, int[] count) {
        int size() {
            return count.length;
        }
    }

    /** A session's pairs and clicks, equal by content. */
    private record Row(int[] pairs, boolean[] clicked) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(pairs, r.pairs) && Arrays.equals(clicked, r.clicked);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(pairs) + Arrays.hashCode(clicked);
        }
    }

    /** Impressions and clicks per (pair, 0-based position) cell. */
    record Cells(int[] pair, int[] position, int[] impressions, int[] clicks) {
        int size() {
            return pair.length;
        }
    }

    int sessions() {
        return shown.length;
    }

    int pairs() {
        return queries.length;
    }

    int depth() {
        return impressionsAt.length;
    }

    /** The estimates of the pairs shown at least {@code minImpressions} times, by query, then item. */
    List<PairEstimate> report(int minImpressions, IntToDoubleFunction relevance,
                              IntFunction<Map<String, Double>> parts) {
        List<PairEstimate> out = new ArrayList<>();
        for (int p = 0; p < pairs(); p++) {
            if (impressions[p] >= minImpressions) {
                out.add(new PairEstimate(queries[p], items[p], impressions[p], clicks[p], relevance.applyAsDouble(p),
                        parts.apply(p)));
            }
        }
        out.sort(Comparator.comparing(PairEstimate::query).thenComparing(PairEstimate::itemId));
        return out;
    }
}
