package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.LogPosition;
import io.ltrr.engine.store.PolicySnapshot;
import io.ltrr.engine.store.RankerSnapshot;
import io.ltrr.engine.store.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Learned state: policy snapshots and ranker models, each with a short history. */
final class StateTables {
    /**
     * Stamps the snapshot with the log position in the same transaction, so the stamp is exactly what the
     * policy had seen (the caller saves right after it learned from the newest event).
     */
    private static final String INSERT_POLICY = """
            INSERT INTO policy_snapshots (policy_id, policy_round, snapshot, created_at, seen_search_id, seen_event_id)
            VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(search_id), 0) FROM searches),
                    GREATEST((SELECT COALESCE(MAX(click_id), 0) FROM clicks),
                             (SELECT COALESCE(MAX(rating_id), 0) FROM ratings),
                             (SELECT COALESCE(MAX(close_id), 0) FROM search_closes)))""";
    private static final String LATEST_POSITION = """
            SELECT seen_search_id, seen_event_id FROM policy_snapshots WHERE policy_id = ?
            ORDER BY snapshot_id DESC FETCH FIRST 1 ROW ONLY""";
    private static final String LATEST_POLICY = """
            SELECT policy_round, snapshot, created_at FROM policy_snapshots WHERE policy_id = ?
            ORDER BY snapshot_id DESC FETCH FIRST 1 ROW ONLY""";
    /** Deletes all but the newest n: the oldest kept id is found with OFFSET n-1. */
    private static final String PRUNE_POLICY = """
            DELETE FROM policy_snapshots WHERE policy_id = ? AND snapshot_id < (
                SELECT snapshot_id FROM policy_snapshots WHERE policy_id = ?
                ORDER BY snapshot_id DESC OFFSET ? ROWS FETCH FIRST 1 ROW ONLY)""";
    private static final String NEXT_VERSION =
            "SELECT COALESCE(MAX(version), 0) + 1 FROM ranker_state WHERE ranker_id = ?";
    private static final String INSERT_RANKER =
            "INSERT INTO ranker_state (ranker_id, version, model, created_at) VALUES (?, ?, ?, ?)";
    private static final String LATEST_RANKER = """
            SELECT version, model, created_at FROM ranker_state WHERE ranker_id = ?
            ORDER BY version DESC FETCH FIRST 1 ROW ONLY""";
    private static final String LATEST_RANKER_VERSIONS =
            "SELECT ranker_id, MAX(version) FROM ranker_state GROUP BY ranker_id";
    private static final String RANKER_VERSION =
            "SELECT version, model, created_at FROM ranker_state WHERE ranker_id = ? AND version = ?";
    private static final String PRUNE_RANKER = "DELETE FROM ranker_state WHERE ranker_id = ? AND version <= ?";

    private final Dialect dialect;
    private final int historyToKeep;

    StateTables(Dialect dialect, int historyToKeep) {
        this.dialect = dialect;
        this.historyToKeep = historyToKeep;
    }

    void savePolicy(Connection c, String policyId, long round, String json, Instant now) throws SQLException {
        new PolicySnapshot(policyId, round, json, now); // validates the arguments
        try (PreparedStatement ps = c.prepareStatement(INSERT_POLICY)) {
            ps.setString(1, policyId);
            ps.setLong(2, round);
            ps.setString(3, json);
            Jdbc.setInstant(ps, 4, now, dialect);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(PRUNE_POLICY)) {
            ps.setString(1, policyId);
            ps.setString(2, policyId);
            ps.setInt(3, historyToKeep - 1);
            ps.executeUpdate();
        }
    }

    Optional<PolicySnapshot> latestPolicy(Connection c, String policyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST_POLICY)) {
            ps.setString(1, policyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PolicySnapshot(policyId, rs.getLong("policy_round"),
                        rs.getString("snapshot"), Jdbc.getInstant(rs, "created_at"))) : Optional.empty();
            }
        }
    }

    /** The log position the latest snapshot had seen; empty without a snapshot or for one saved before V2. */
    Optional<LogPosition> latestPolicyPosition(Connection c, String policyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST_POSITION)) {
            ps.setString(1, policyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long search = rs.getLong(1);
                boolean unknown = rs.wasNull();
                long event = rs.getLong(2);
                return unknown || rs.wasNull() ? Optional.empty() : Optional.of(new LogPosition(search, event));
            }
        }
    }

    long saveRanker(Connection c, String rankerId, String json, Instant now) throws SQLException {
        Values.requireText(rankerId, "rankerId");
        Objects.requireNonNull(json, "json");
        long version;
        try (PreparedStatement ps = c.prepareStatement(NEXT_VERSION)) {
            ps.setString(1, rankerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_RANKER)) {
            ps.setString(1, rankerId);
            ps.setLong(2, version);
            ps.setString(3, json);
            Jdbc.setInstant(ps, 4, now, dialect);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(PRUNE_RANKER)) {
            ps.setString(1, rankerId);
            ps.setLong(2, version - historyToKeep);
            ps.executeUpdate();
        }
        return version;
    }

    Optional<RankerSnapshot> latestRanker(Connection c, String rankerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LATEST_RANKER)) {
            ps.setString(1, rankerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RankerSnapshot(rankerId, rs.getLong("version"),
                        rs.getString("model"), Jdbc.getInstant(rs, "created_at"))) : Optional.empty();
            }
        }
    }

    static Map<String, Long> latestRankerVersions(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(LATEST_RANKER_VERSIONS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    Optional<RankerSnapshot> ranker(Connection c, String rankerId, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RANKER_VERSION)) {
            ps.setString(1, rankerId);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RankerSnapshot(rankerId, rs.getLong("version"),
                        rs.getString("model"), Jdbc.getInstant(rs, "created_at"))) : Optional.empty();
            }
        }
    }

    static void clear(Connection c) throws SQLException {
        for (String sql : new String[] {"DELETE FROM policy_snapshots", "DELETE FROM ranker_state"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }
}
