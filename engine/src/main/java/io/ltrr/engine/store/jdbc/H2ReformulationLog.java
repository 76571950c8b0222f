package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.ReformulationCount;
import io.ltrr.engine.store.ReformulationLog;
import io.ltrr.engine.store.SearchIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The durable {@link ReformulationLog}: table {@code reformulations} of the feedback database (migration V2). */
final class H2ReformulationLog implements ReformulationLog {
    private static final String EXISTS =
            "SELECT 1 FROM reformulations WHERE from_search_id = ? AND to_search_id = ?";
    private static final String INSERT = """
            INSERT INTO reformulations (session_id, user_id, from_search_id, to_search_id, from_query, to_query,
                                        relation, gap_millis, to_succeeded, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String PENDING = """
            SELECT from_query, to_query, COUNT(*) AS n FROM reformulations
            WHERE to_search_id = ? AND NOT to_succeeded
            GROUP BY from_query, to_query ORDER BY from_query, to_query""";
    private static final String SUCCEED =
            "UPDATE reformulations SET to_succeeded = TRUE WHERE to_search_id = ? AND NOT to_succeeded";
    private static final String COUNTS = """
            SELECT from_query, to_query, to_succeeded, COUNT(*) AS n FROM reformulations
            GROUP BY from_query, to_query, to_succeeded ORDER BY from_query, to_query, to_succeeded""";

    private final StoreDatabase db;

    H2ReformulationLog(StoreDatabase db) {
        this.db = db;
    }

    @Override
    public boolean record(Reformulation r) {
        Objects.requireNonNull(r, "reformulation");
        long from = SearchIds.parse(r.fromSearchId());
        long to = SearchIds.parse(r.toSearchId());
        return db.sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(EXISTS)) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, r.sessionId());
                ps.setString(2, r.userId());
                ps.setLong(3, from);
                ps.setLong(4, to);
                ps.setString(5, r.fromQuery());
                ps.setString(6, r.toQuery());
                ps.setString(7, r.relation());
                ps.setLong(8, r.gap().toMillis());
                ps.setBoolean(9, r.succeeded());
                Jdbc.setInstant(ps, 10, r.at(), db.dialect());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<ReformulationCount> markSucceeded(String toSearchId) {
        long to = SearchIds.parse(toSearchId);
        return db.sql(c -> {
            List<ReformulationCount> promoted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(PENDING)) {
                ps.setLong(1, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        promoted.add(new ReformulationCount(rs.getString("from_query"), rs.getString("to_query"),
                                true, rs.getLong("n")));
                    }
                }
            }
            if (!promoted.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(SUCCEED)) {
                    ps.setLong(1, to);
                    ps.executeUpdate();
                }
            }
            return promoted;
        });
    }

    @Override
    public List<ReformulationCount> counts() {
        return db.sql(c -> {
            List<ReformulationCount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COUNTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReformulationCount(rs.getString("from_query"), rs.getString("to_query"),
                            rs.getBoolean("to_succeeded"), rs.getLong("n")));
                }
            }
            return out;
        });
    }
}
