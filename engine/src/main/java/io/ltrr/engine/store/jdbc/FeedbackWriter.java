package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.RatingEvent;
import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.SemiBanditReward;
import io.ltrr.engine.store.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes clicks and ratings with their arm rewards. The caller runs each call in one transaction, so an event
 * and its rewards commit together or not at all; validation happens before the first write.
 */
final class FeedbackWriter {
    private static final String SELECT_SEARCH =
            "SELECT policy_id, feature_names, feature_values FROM searches WHERE search_id = ?";
    private static final String SELECT_SHOWN = "SELECT position FROM shown_items WHERE search_id = ? AND item_id = ?";
    /** S in order, each arm with whether its candidates held the item. */
    private static final String SELECT_CHOSEN = """
            SELECT a.arm_id, p.arm_id IS NOT NULL AS held
            FROM search_arms a
            LEFT JOIN item_provenance p ON p.search_id = a.search_id AND p.arm_id = a.arm_id AND p.item_id = ?
            WHERE a.search_id = ? AND a.chosen
            ORDER BY a.chosen_rank""";
    private static final String SELECT_CLICKED = "SELECT 1 FROM clicks WHERE search_id = ? AND item_id = ? LIMIT 1";
    private static final String INSERT_CLICK =
            "INSERT INTO clicks (click_id, search_id, item_id, position, created_at) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_RATING = """
            INSERT INTO ratings (rating_id, search_id, item_id, grade, cant_tell, annotator, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REWARD =
            "INSERT INTO arm_rewards (search_id, arm_id, reward, source, event_id) VALUES (?, ?, ?, ?, ?)";

    private FeedbackWriter() {
    }

    static FeedbackOutcome click(Connection c, Dialect dialect, String searchId, String itemId, Instant at)
            throws SQLException {
        Values.requireText(itemId, "itemId");
        Objects.requireNonNull(at, "at");
        long search = SearchIds.parse(searchId);
        Target target = target(c, search, searchId, itemId);
        boolean repeat = clickedBefore(c, search, itemId);
        long eventId = dialect.nextValue(c, "event_seq");
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLICK)) {
            ps.setLong(1, eventId);
            ps.setLong(2, search);
            ps.setString(3, itemId);
            ps.setInt(4, target.position);
            Jdbc.setInstant(ps, 5, at, dialect);
            ps.executeUpdate();
        }
        // A repeated click is logged but rewards nothing: the first click already told the arms what it meant.
        Map<String, Double> rewards = repeat ? Map.of() : SemiBanditReward.rewards(target.chosen, target.held, 1.0);
        insertRewards(c, search, eventId, "click", rewards);
        return target.outcome(SearchIds.clickId(eventId), searchId, itemId, rewards, repeat);
    }

    private static boolean clickedBefore(Connection c, long search, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_CLICKED)) {
            ps.setLong(1, search);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static FeedbackOutcome rating(Connection c, Dialect dialect, String searchId, String itemId, Integer grade,
                                  String annotator,
                                  Instant at) throws SQLException {
        RatingEvent.checkGrade(grade);
        Values.requireText(itemId, "itemId");
        RatingEvent.checkAnnotator(annotator);
        Objects.requireNonNull(at, "at");
        long search = SearchIds.parse(searchId);
        Target target = target(c, search, searchId, itemId);
        long eventId = dialect.nextValue(c, "event_seq");
        try (PreparedStatement ps = c.prepareStatement(INSERT_RATING)) {
            ps.setLong(1, eventId);
            ps.setLong(2, search);
            ps.setString(3, itemId);
            Jdbc.setNullableInt(ps, 4, grade);
            ps.setBoolean(5, grade == null);
            ps.setString(6, annotator);
            Jdbc.setInstant(ps, 7, at, dialect);
            ps.executeUpdate();
        }
        // Can't tell says nothing about the arms; storing it still records that the item was looked at.
        Map<String, Double> rewards = grade == null ? Map.of()
                : SemiBanditReward.rewards(target.chosen, target.held, grade / 3.0);
        insertRewards(c, search, eventId, "rating", rewards);
        return target.outcome(SearchIds.ratingId(eventId), searchId, itemId, rewards, false);
    }

    private static void insertRewards(Connection c, long search, long eventId, String source,
                                      Map<String, Double> rewards) throws SQLException {
        if (rewards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_REWARD)) {
            for (var r : rewards.entrySet()) {
                ps.setLong(1, search);
                ps.setString(2, r.getKey());
                ps.setDouble(3, r.getValue());
                ps.setString(4, source);
                ps.setLong(5, eventId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** What feedback on (search, item) needs to know: the search's policy and x, the item's position, S. */
    private static Target target(Connection c, long search, String searchId, String itemId) throws SQLException {
        String policyId;
        ContextVector x;
        try (PreparedStatement ps = c.prepareStatement(SELECT_SEARCH)) {
            ps.setLong(1, search);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("unknown search id '" + searchId + "'");
                }
                policyId = rs.getString("policy_id");
                x = ImpressionTable.features(rs);
            }
        }
        int position;
        try (PreparedStatement ps = c.prepareStatement(SELECT_SHOWN)) {
            ps.setLong(1, search);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("item '" + itemId + "' was not shown in search " + searchId);
                }
                position = rs.getInt(1);
            }
        }
        List<String> chosen = new ArrayList<>();
        Set<String> held = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_CHOSEN)) {
            ps.setString(1, itemId);
            ps.setLong(2, search);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chosen.add(rs.getString("arm_id"));
                    if (rs.getBoolean("held")) {
                        held.add(rs.getString("arm_id"));
                    }
                }
            }
        }
        return new Target(policyId, x, position, chosen, held);
    }

    private record Target(String policyId, ContextVector x, int position, List<String> chosen, Set<String> held) {
        FeedbackOutcome outcome(String eventId, String searchId, String itemId, Map<String, Double> rewards,
                                boolean repeat) {
            return new FeedbackOutcome(eventId, searchId, itemId, new LinkedHashSet<>(chosen), rewards, x, policyId,
                    repeat);
        }
    }
}
