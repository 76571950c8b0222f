package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ProfileStore;
import io.ltrr.engine.store.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The durable {@link ProfileStore}: table {@code user_profiles} of the feedback database (migration V2). */
final class H2ProfileStore implements ProfileStore {
    private static final String SELECT =
            "SELECT style, weight FROM user_profiles WHERE user_id = ? ORDER BY weight DESC, style";
    private static final String DELETE = "DELETE FROM user_profiles WHERE user_id = ? AND style = ?";
    private static final String UPSERT = """
            MERGE INTO user_profiles t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DOUBLE PRECISION),
                           CAST(? AS TIMESTAMP(9) WITH TIME ZONE))) AS v (u, s, w, at)
            ON t.user_id = v.u AND t.style = v.s
            WHEN MATCHED THEN UPDATE SET weight = v.w, updated_at = v.at
            WHEN NOT MATCHED THEN INSERT (user_id, style, weight, updated_at) VALUES (v.u, v.s, v.w, v.at)""";
    private static final String UPSERT_POSTGRESQL = """
            INSERT INTO user_profiles (user_id, style, weight, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id, style) DO UPDATE SET weight = EXCLUDED.weight, updated_at = EXCLUDED.updated_at""";

    private final StoreDatabase db;
    private final Clock clock;

    H2ProfileStore(StoreDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Map<String, Double> weights(String userId) {
        Values.requireText(userId, "userId");
        return db.sql(c -> read(c, userId));
    }

    @Override
    public Map<String, Double> update(String userId, Map<String, Double> weights) {
        Values.requireText(userId, "userId");
        Objects.requireNonNull(weights, "weights");
        weights.forEach((style, w) -> {
            Values.requireText(style, "style");
            if (w == null || !(w >= -1 && w <= 1)) {
                throw new IllegalArgumentException("weight of '" + style + "' must be in [-1, 1], was " + w);
            }
        });
        return db.sql(c -> {
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                if (e.getValue() == 0) {
                    try (PreparedStatement ps = c.prepareStatement(DELETE)) {
                        ps.setString(1, userId);
                        ps.setString(2, e.getKey());
                        ps.executeUpdate();
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement(db.dialect().pick(UPSERT, UPSERT_POSTGRESQL))) {
                        ps.setString(1, userId);
                        ps.setString(2, e.getKey());
                        ps.setDouble(3, e.getValue());
                        Jdbc.setInstant(ps, 4, clock.instant(), db.dialect());
                        ps.executeUpdate();
                    }
                }
            }
            return read(c, userId);
        });
    }

    private static Map<String, Double> read(Connection c, String userId) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("style"), rs.getDouble("weight"));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
