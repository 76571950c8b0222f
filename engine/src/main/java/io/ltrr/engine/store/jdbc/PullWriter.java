package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.RewardRule;
import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.SearchPull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Closes searches and writes their pulls (ADR 0009): one pull per search, every chosen arm rewarded with the best
 * signal of the search for it. The caller runs it in the transaction of the search that closes them.
 */
final class PullWriter {
    /** The open searches a new search of the user closes: the user's own, and everybody's older than the timeout. */
    private static final String OPEN = """
            SELECT o.search_id, o.created_at, s.policy_id, s.feature_names, s.feature_values
            FROM open_searches o JOIN searches s ON s.search_id = o.search_id
            WHERE o.user_id = ? OR o.created_at < ? ORDER BY o.search_id""";
    private static final String DELETE_OPEN = "DELETE FROM open_searches WHERE search_id = ?";
    private static final String CHOSEN =
            "SELECT arm_id FROM search_arms WHERE search_id = ? AND chosen ORDER BY chosen_rank";
    private static final String BEST = """
            SELECT arm_id, MAX(reward) FROM arm_rewards WHERE search_id = ? AND (source = 'click' OR ?)
            GROUP BY arm_id""";
    private static final String FEEDBACK = """
            SELECT (SELECT COUNT(*) FROM clicks WHERE search_id = ?), (SELECT COUNT(*) FROM ratings WHERE search_id = ?)""";
    private static final String INSERT_CLOSE =
            "INSERT INTO search_closes (search_id, close_id, closed_at, reason, counted) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_PULL = "INSERT INTO search_pulls (search_id, arm_id, reward) VALUES (?, ?, ?)";
    private static final String CLOSED = "SELECT 1 FROM search_closes WHERE search_id = ?";
    private static final String REPLAY = """
            SELECT c.close_id, c.search_id, p.arm_id, p.reward, s.policy_id, s.feature_names, s.feature_values
            FROM search_closes c
            JOIN search_pulls p ON p.search_id = c.search_id
            JOIN searches s ON s.search_id = c.search_id
            JOIN search_arms a ON a.search_id = p.search_id AND a.arm_id = p.arm_id
            WHERE c.counted AND c.close_id > ?
            ORDER BY c.close_id, a.chosen_rank""";

    private PullWriter() {
    }

    static List<SearchPull> close(Connection c, Dialect dialect, String userId, Instant now, RewardRule rule)
            throws SQLException {
        List<Open> open = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OPEN)) {
            ps.setString(1, userId);
            Jdbc.setInstant(ps, 2, now.minus(rule.timeout()), dialect);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = Jdbc.getInstant(rs, "created_at");
                    boolean stale = at.isBefore(now.minus(rule.timeout()));
                    open.add(new Open(rs.getLong("search_id"), stale ? "timeout" : "next_search",
                            rs.getString("policy_id"), ImpressionTable.features(rs)));
                }
            }
        }
        List<SearchPull> pulls = new ArrayList<>();
        for (Open o : open) {
            long closeId = dialect.nextValue(c, "event_seq");
            long[] feedback = feedback(c, o.searchId);
            boolean counted = rule.counts(feedback[0] > 0, feedback[1] > 0);
            insertClose(c, dialect, o.searchId, closeId, now, o.reason, counted);
            try (PreparedStatement ps = c.prepareStatement(DELETE_OPEN)) {
                ps.setLong(1, o.searchId);
                ps.executeUpdate();
            }
            if (counted) {
                List<String> chosen = chosen(c, o.searchId);
                Map<String, Double> rewards = RewardRule.rewards(chosen, best(c, o.searchId, rule.ratingsTrain()));
                insertPulls(c, o.searchId, rewards);
                pulls.add(new SearchPull(closeId, SearchIds.format(o.searchId), rewards.keySet(), rewards, o.x,
                        o.policyId));
            }
        }
        return pulls;
    }

    static boolean isClosed(Connection c, long search) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLOSED)) {
            ps.setLong(1, search);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The counted pulls closed after {@code afterClose}, in close order. */
    static void replayAfter(Connection c, long afterClose, Consumer<SearchPull> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REPLAY)) {
            ps.setLong(1, afterClose);
            try (ResultSet rs = ps.executeQuery()) {
                long current = -1;
                Map<String, Double> rewards = new LinkedHashMap<>();
                String[] meta = null;
                ContextVector x = null;
                while (rs.next()) {
                    long close = rs.getLong("close_id");
                    if (close != current && current >= 0) {
                        consumer.accept(new SearchPull(current, meta[0], rewards.keySet(), rewards, x, meta[1]));
                        rewards = new LinkedHashMap<>();
                    }
                    if (close != current) {
                        current = close;
                        meta = new String[] {SearchIds.format(rs.getLong("search_id")), rs.getString("policy_id")};
                        x = ImpressionTable.features(rs);
                    }
                    rewards.put(rs.getString("arm_id"), rs.getDouble("reward"));
                }
                if (current >= 0) {
                    consumer.accept(new SearchPull(current, meta[0], rewards.keySet(), rewards, x, meta[1]));
                }
            }
        }
    }

    private static long[] feedback(Connection c, long search) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FEEDBACK)) {
            ps.setLong(1, search);
            ps.setLong(2, search);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static List<String> chosen(Connection c, long search) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CHOSEN)) {
            ps.setLong(1, search);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Map<String, Double> best(Connection c, long search, boolean ratingsTrain) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(BEST)) {
            ps.setLong(1, search);
            ps.setBoolean(2, ratingsTrain);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    private static void insertClose(Connection c, Dialect dialect, long search, long closeId, Instant now,
                                    String reason,
                                    boolean counted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLOSE)) {
            ps.setLong(1, search);
            ps.setLong(2, closeId);
            Jdbc.setInstant(ps, 3, now, dialect);
            ps.setString(4, reason);
            ps.setBoolean(5, counted);
            ps.executeUpdate();
        }
    }

    private static void insertPulls(Connection c, long search, Map<String, Double> rewards) throws SQLException {
        if (rewards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_PULL)) {
            for (var r : rewards.entrySet()) {
                ps.setLong(1, search);
                ps.setString(2, r.getKey());
                ps.setDouble(3, r.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private record Open(long searchId, String reason, String policyId, ContextVector x) {
    }
}
