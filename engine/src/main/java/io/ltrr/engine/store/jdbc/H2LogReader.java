package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.LoggedClick;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.SearchIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Read-only bulk views of the log for off-line work (off-policy evaluation, exports, annotator agreement). Each
 * call reads the whole log in one transaction of the store, oldest first, with a handful of ordered scans
 * merged in memory rather than one query per search.
 */
final class H2LogReader implements LogReader {
    private static final String SEARCHES = """
            SELECT search_id, created_at, user_id, query_text, normalized_query, feature_names, feature_values,
                   policy_id FROM searches ORDER BY search_id""";
    private static final String ARMS = """
            SELECT search_id, arm_id, chosen, chosen_rank, propensity FROM search_arms
            ORDER BY search_id, arm_order""";
    /** The round's reward of an arm is the best any event gave it; see {@link LoggedRound}. */
    private static final String REWARDS = """
            SELECT search_id, arm_id, MAX(reward) AS reward, COUNT(DISTINCT event_id) AS events FROM arm_rewards
            GROUP BY search_id, arm_id""";
    private static final String EVENTS = """
            SELECT search_id, COUNT(DISTINCT event_id) AS events FROM arm_rewards GROUP BY search_id""";
    private static final String CLOSES = "SELECT search_id, counted, reason FROM search_closes";
    private static final String PULLS = "SELECT search_id, arm_id, reward FROM search_pulls";
    private static final String SHOWN = "SELECT search_id, position, item_id, score FROM shown_items ORDER BY search_id, position";
    private static final String CLICKS = """
            SELECT c.click_id, c.search_id, s.normalized_query, c.item_id, c.position, c.created_at
            FROM clicks c JOIN searches s ON s.search_id = c.search_id ORDER BY c.click_id""";
    private static final String RATINGS = """
            SELECT r.rating_id, r.search_id, s.normalized_query, r.item_id, r.grade, r.annotator, r.created_at
            FROM ratings r JOIN searches s ON s.search_id = r.search_id ORDER BY r.rating_id""";

    private static final String RATINGS_OF = """
            SELECT r.rating_id, r.search_id, s.normalized_query, r.item_id, r.grade, r.annotator, r.created_at
            FROM ratings r JOIN searches s ON s.search_id = r.search_id
            WHERE s.normalized_query_key = ? AND s.normalized_query = ?
            ORDER BY r.rating_id""";

    private final StoreDatabase db;

    H2LogReader(StoreDatabase db) {
        this.db = db;
    }

    /** Every logged round, oldest first. */
    @Override
    public List<LoggedRound> rounds() {
        return db.read(H2LogReader::rounds);
    }

    /** Every click, in commit order. */
    @Override
    public List<LoggedClick> clicks() {
        return db.read(c -> {
            List<LoggedClick> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLICKS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoggedClick(SearchIds.clickId(rs.getLong(1)), SearchIds.format(rs.getLong(2)),
                            rs.getString(3), rs.getString(4), rs.getInt(5), Jdbc.getInstant(rs, "created_at")));
                }
            }
            return out;
        });
    }

    /** Every rating (can't-tell included, grade null), in commit order. */
    @Override
    public List<LoggedRating> ratings() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RATINGS)) {
                return ratings(ps);
            }
        });
    }

    /** The ratings of one normalized query's searches, in commit order (index searches_by_query). */
    @Override
    public List<LoggedRating> ratingsOf(String normalizedQuery) {
        Objects.requireNonNull(normalizedQuery, "normalizedQuery");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(RATINGS_OF)) {
                QueryKey.bind(ps, 1, normalizedQuery);
                return ratings(ps);
            }
        });
    }

    private static List<LoggedRating> ratings(PreparedStatement ps) throws SQLException {
        List<LoggedRating> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LoggedRating(SearchIds.ratingId(rs.getLong(1)), SearchIds.format(rs.getLong(2)),
                        rs.getString(3), rs.getString(4), Jdbc.getNullableInt(rs, "grade"), rs.getString(6),
                        Jdbc.getInstant(rs, "created_at")));
            }
        }
        return out;
    }

    private static List<LoggedRound> rounds(Connection c) throws SQLException {
        Map<Long, List<String[]>> arms = new HashMap<>();
        Map<Long, Map<String, Double>> propensities = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ARMS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("search_id");
                Integer rank = Jdbc.getNullableInt(rs, "chosen_rank");
                arms.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new String[] {rs.getString("arm_id"), rank == null ? null : rank.toString()});
                double p = rs.getDouble("propensity");
                if (!rs.wasNull()) {
                    propensities.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString("arm_id"), p);
                }
            }
        }
        Map<Long, Map<String, Double>> rewards = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(REWARDS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rewards.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        }
        Map<Long, String> closes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CLOSES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                closes.put(rs.getLong(1), rs.getBoolean(2) ? "pull" : rs.getString(3));
            }
        }
        // A pull's rewards are what the live policy learned (ADR 0009): they replace the events' best.
        try (PreparedStatement ps = c.prepareStatement(PULLS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rewards.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
            }
        }
        Map<Long, Integer> events = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.put(rs.getLong(1), rs.getInt(2));
            }
        }
        Map<Long, List<LoggedRound.Shown>> shown = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SHOWN); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                shown.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new LoggedRound.Shown(rs.getInt(2), rs.getString(3), rs.getDouble(4)));
            }
        }
        List<LoggedRound> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SEARCHES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("search_id");
                String closed = closes.get(id);
                if (closed != null && !closed.equals("pull") && !closed.equals("migrated")) {
                    continue; // closed without a pull (only ratings that do not train): not a round of the policy
                }
                List<String> offered = new ArrayList<>();
                Map<Integer, String> chosenByRank = new java.util.TreeMap<>();
                for (String[] arm : arms.getOrDefault(id, List.of())) {
                    offered.add(arm[0]);
                    if (arm[1] != null) {
                        chosenByRank.put(Integer.parseInt(arm[1]), arm[0]);
                    }
                }
                List<String> chosen = new ArrayList<>(chosenByRank.values());
                Map<String, Double> got = rewards.getOrDefault(id, Map.of());
                Map<String, Double> roundRewards = new LinkedHashMap<>();
                chosen.forEach(a -> roundRewards.put(a, got.getOrDefault(a, 0.0)));
                out.add(new LoggedRound(SearchIds.format(id), Jdbc.getInstant(rs, "created_at"),
                        rs.getString("user_id"), rs.getString("query_text"), rs.getString("normalized_query"),
                        ImpressionTable.features(rs), rs.getString("policy_id"), offered,
                        propensities.getOrDefault(id, Map.of()), chosen, roundRewards, events.getOrDefault(id, 0),
                        shown.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> counts() {
        return db.read(c -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("searches", Jdbc.count(c, "SELECT COUNT(*) FROM searches"));
            m.put("clicks", Jdbc.count(c, "SELECT COUNT(*) FROM clicks"));
            m.put("ratings", Jdbc.count(c, "SELECT COUNT(*) FROM ratings"));
            return m;
        });
    }
}
