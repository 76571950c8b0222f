package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.Q2eEntry;
import io.ltrr.engine.store.Q2ePrediction;
import io.ltrr.engine.store.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Q2E memory: predicted and observed query → item associations. */
final class Q2eTable {
    /** Rows per JDBC batch: large enough to amortize round trips, small enough to keep memory flat. */
    static final int BATCH = 1_000;

    // H2 finds the row by its key as migration V8's generated column computes it; PostgreSQL's upserts conflict on
    // that key. Lookups bind the key and the text (QueryKey).
    private static final String UPSERT_PREDICTED = """
            MERGE INTO q2e t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DOUBLE PRECISION),
                           CAST(? AS TIMESTAMP(9) WITH TIME ZONE))) AS v (q, item, p, at)
            ON t.normalized_query_key = RAWTOHEX(HASH('MD5', v.q)) AND t.item_id = v.item
            WHEN MATCHED THEN UPDATE SET predicted = v.p, updated_at = v.at
            WHEN NOT MATCHED THEN INSERT (normalized_query, item_id, predicted, impressions, clicks, updated_at)
                 VALUES (v.q, v.item, v.p, 0, 0, v.at)""";
    private static final String OBSERVE = """
            MERGE INTO q2e t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS BIGINT),
                           CAST(? AS TIMESTAMP(9) WITH TIME ZONE))) AS v (q, item, di, dc, at)
            ON t.normalized_query_key = RAWTOHEX(HASH('MD5', v.q)) AND t.item_id = v.item
            WHEN MATCHED THEN UPDATE SET impressions = t.impressions + v.di, clicks = t.clicks + v.dc,
                 updated_at = v.at
            WHEN NOT MATCHED THEN INSERT (normalized_query, item_id, predicted, impressions, clicks, updated_at)
                 VALUES (v.q, v.item, 0, v.di, v.dc, v.at)""";
    private static final String UPSERT_PREDICTED_POSTGRESQL = """
            INSERT INTO q2e (normalized_query, item_id, predicted, impressions, clicks, updated_at)
            VALUES (?, ?, ?, 0, 0, ?)
            ON CONFLICT (normalized_query_key, item_id) DO UPDATE SET predicted = EXCLUDED.predicted,
                 updated_at = EXCLUDED.updated_at""";
    private static final String OBSERVE_POSTGRESQL = """
            INSERT INTO q2e AS t (normalized_query, item_id, predicted, impressions, clicks, updated_at)
            VALUES (?, ?, 0, ?, ?, ?)
            ON CONFLICT (normalized_query_key, item_id) DO UPDATE SET
                 impressions = t.impressions + EXCLUDED.impressions, clicks = t.clicks + EXCLUDED.clicks,
                 updated_at = EXCLUDED.updated_at""";
    private static final String LOOKUP = """
            SELECT item_id, predicted, impressions, clicks,
                   (clicks + ? * predicted) / (impressions + ?) AS smoothed
            FROM q2e WHERE normalized_query_key = ? AND normalized_query = ?
            ORDER BY smoothed DESC, item_id
            FETCH FIRST ? ROWS ONLY""";
    private static final String HAS_QUERY =
            "SELECT 1 FROM q2e WHERE normalized_query_key = ? AND normalized_query = ? FETCH FIRST 1 ROW ONLY";

    private final Dialect dialect;
    private final double alpha;

    Q2eTable(Dialect dialect, double alpha) {
        this.dialect = dialect;
        this.alpha = alpha;
    }

    /**
     * Writes the predictions in the order of the table's key (the query's key, then the item), so that each page
     * of the key's b-tree is written while it is filled rather than once for every row: in the order the
     * predictions come (by query text, which the key scatters) a million items' cold start (2.8 million rows)
     * took 2.8 minutes and grew the append-only file to 7 GB before it was compacted; in the key's order it
     * takes about 40 s of the start's minute and the file peaks at 1.2 GB.
     */
    void upsertPredicted(Connection c, List<Q2ePrediction> predictions, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.pick(UPSERT_PREDICTED, UPSERT_PREDICTED_POSTGRESQL))) {
            int pending = 0;
            for (Q2ePrediction p : inKeyOrder(predictions)) {
                ps.setString(1, p.normalizedQuery());
                ps.setString(2, p.itemId());
                ps.setDouble(3, p.predicted());
                Jdbc.setInstant(ps, 4, now, dialect);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static List<Q2ePrediction> inKeyOrder(List<Q2ePrediction> predictions) {
        record Keyed(String key, Q2ePrediction prediction) {
        }
        List<Keyed> keyed = new ArrayList<>(predictions.size());
        String query = null;
        String key = null;
        for (Q2ePrediction p : predictions) {
            if (!p.normalizedQuery().equals(query)) { // a query's predictions usually come together: one digest each
                query = p.normalizedQuery();
                key = QueryKey.of(query);
            }
            keyed.add(new Keyed(key, p));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.prediction().itemId()));
        return keyed.stream().map(Keyed::prediction).toList();
    }

    void observe(Connection c, String query, Map<String, Long> impressions, Map<String, Long> clicks, Instant now)
            throws SQLException {
        Values.requireText(query, "normalizedQuery");
        Set<String> items = new LinkedHashSet<>(impressions.keySet());
        items.addAll(clicks.keySet());
        try (PreparedStatement ps = c.prepareStatement(dialect.pick(OBSERVE, OBSERVE_POSTGRESQL))) {
            for (String item : items) {
                long di = delta(impressions, item, "impressions");
                long dc = delta(clicks, item, "clicks");
                ps.setString(1, query);
                ps.setString(2, Values.requireText(item, "itemId"));
                ps.setLong(3, di);
                ps.setLong(4, dc);
                Jdbc.setInstant(ps, 5, now, dialect);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long delta(Map<String, Long> deltas, String item, String what) {
        Long d = deltas.getOrDefault(item, 0L);
        if (d == null || d < 0) {
            throw new IllegalArgumentException(what + " delta of item '" + item + "' must be >= 0, was " + d);
        }
        return d;
    }

    List<Q2eEntry> lookup(Connection c, String query, int limit) throws SQLException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        List<Q2eEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setDouble(1, alpha);
            ps.setDouble(2, alpha);
            QueryKey.bind(ps, 3, query);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Q2eEntry(query, rs.getString("item_id"), rs.getDouble("predicted"),
                            rs.getLong("impressions"), rs.getLong("clicks"), rs.getDouble("smoothed")));
                }
            }
        }
        return entries;
    }

    boolean hasQuery(Connection c, String query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HAS_QUERY)) {
            QueryKey.bind(ps, 1, query);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
