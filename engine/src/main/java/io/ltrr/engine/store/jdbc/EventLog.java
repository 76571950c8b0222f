package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackOutcome;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.RatingEvent;
import io.ltrr.engine.store.SearchIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Reads the log: per-search events, the recent-activity view and the replay of all rewards. */
final class EventLog {
    private static final String CLICKS_OF =
            "SELECT click_id, item_id, position, created_at FROM clicks WHERE search_id = ? ORDER BY click_id";
    private static final String RATINGS_OF = """
            SELECT rating_id, item_id, grade, annotator, created_at FROM ratings WHERE search_id = ?
            ORDER BY rating_id""";
    private static final String REWARDS_OF = """
            SELECT r.arm_id, r.reward FROM arm_rewards r
            JOIN search_arms a ON a.search_id = r.search_id AND a.arm_id = r.arm_id
            WHERE r.event_id = ? AND r.source = ? ORDER BY a.chosen_rank""";
    /** Rewards grouped by event in commit order; S of an event is exactly its rewarded arms. */
    private static final String REPLAY = """
            SELECT r.event_id, r.source, r.search_id, r.arm_id, r.reward, s.policy_id, s.feature_names,
                   s.feature_values, COALESCE(c.item_id, g.item_id) AS item_id
            FROM arm_rewards r
            JOIN searches s ON s.search_id = r.search_id
            JOIN search_arms a ON a.search_id = r.search_id AND a.arm_id = r.arm_id
            LEFT JOIN clicks c ON r.source = 'click' AND c.click_id = r.event_id
            LEFT JOIN ratings g ON r.source = 'rating' AND g.rating_id = r.event_id
            WHERE r.event_id > ?
            ORDER BY r.event_id, a.chosen_rank""";
    /** The round of a policy's newest search after a given search: the round counter it had reached. */
    private static final String LAST_ROUND_AFTER = """
            SELECT policy_round FROM searches WHERE policy_id = ? AND search_id > ?
            ORDER BY search_id DESC FETCH FIRST 1 ROW ONLY""";

    // Each branch is limited on its own (by its time index) before the merge, so recent(n) does not sort the
    // whole log. Columns: kind, at, search_id, item_id, query_text, position, grade, annotator, kind_rank, seq.
    private static final String SEARCH_BRANCH = """
            (SELECT 'SEARCH' AS kind, s.created_at AS at, s.search_id, CAST(NULL AS VARCHAR) AS item_id,
                    s.query_text, CAST(NULL AS INT) AS position, CAST(NULL AS SMALLINT) AS grade,
                    CAST(NULL AS VARCHAR) AS annotator, 0 AS kind_rank, s.search_id AS seq
             FROM searches s WHERE %s ORDER BY s.created_at DESC, s.search_id DESC FETCH FIRST ? ROWS ONLY)""";
    private static final String CLICK_BRANCH = """
            (SELECT 'CLICK' AS kind, c.created_at AS at, c.search_id, c.item_id, s.query_text, c.position,
                    CAST(NULL AS SMALLINT) AS grade, CAST(NULL AS VARCHAR) AS annotator, 1 AS kind_rank,
                    c.click_id AS seq
             FROM clicks c JOIN searches s ON s.search_id = c.search_id
             WHERE %s ORDER BY c.created_at DESC, c.click_id DESC FETCH FIRST ? ROWS ONLY)""";
    private static final String RATING_BRANCH = """
            (SELECT 'RATING' AS kind, r.created_at AS at, r.search_id, r.item_id, s.query_text,
                    CAST(NULL AS INT) AS position, r.grade, r.annotator, 1 AS kind_rank, r.rating_id AS seq
             FROM ratings r JOIN searches s ON s.search_id = r.search_id
             WHERE %s ORDER BY r.created_at DESC, r.rating_id DESC FETCH FIRST ? ROWS ONLY)""";
    /** The arms offered in a range of searches (one row each, chosen or not), for the log's search lines. */
    private static final String ARMS_BETWEEN = """
            SELECT search_id, arm_id, chosen FROM search_arms WHERE search_id BETWEEN ? AND ?
            ORDER BY search_id, arm_order""";
    private static final String NO_TEXT = "TRUE";
    private static final String SEARCH_TEXT = "LOWER(s.query_text) LIKE ? ESCAPE '\\'";
    private static final String FEEDBACK_TEXT = "(LOWER(s.query_text) LIKE ? ESCAPE '\\' OR LOWER(%s.item_id) LIKE ? ESCAPE '\\')";

    private EventLog() {
    }

    static List<ClickEvent> clicksOf(Connection c, long search) throws SQLException {
        List<ClickEvent> clicks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CLICKS_OF)) {
            ps.setLong(1, search);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clicks.add(new ClickEvent(SearchIds.clickId(rs.getLong("click_id")), SearchIds.format(search),
                            rs.getString("item_id"), rs.getInt("position"), Jdbc.getInstant(rs, "created_at")));
                }
            }
        }
        return clicks;
    }

    static List<RatingEvent> ratingsOf(Connection c, long search) throws SQLException {
        List<RatingEvent> ratings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RATINGS_OF)) {
            ps.setLong(1, search);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ratings.add(new RatingEvent(SearchIds.ratingId(rs.getLong("rating_id")), SearchIds.format(search),
                            rs.getString("item_id"), Jdbc.getNullableInt(rs, "grade"), rs.getString("annotator"),
                            Jdbc.getInstant(rs, "created_at")));
                }
            }
        }
        return ratings;
    }

    static List<ArmReward> rewardsOf(Connection c, String eventId) throws SQLException {
        long id = SearchIds.parseEventId(eventId);
        List<ArmReward> rewards = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(REWARDS_OF)) {
            ps.setLong(1, id);
            ps.setString(2, eventId.startsWith("r-") ? "rating" : "click");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rewards.add(new ArmReward(rs.getString("arm_id"), rs.getDouble("reward")));
                }
            }
        }
        return rewards;
    }

    static List<LogEvent> recent(Connection c, int n, LogEvent.Kind kind, String text) throws SQLException {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        String pattern = text == null || text.isBlank() ? null : "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        // Each branch's WHERE takes the pattern once per searched column, then its own row limit.
        List<String> branches = new ArrayList<>();
        List<Integer> patternSlots = new ArrayList<>();
        if (kind == null || kind == LogEvent.Kind.SEARCH) {
            branches.add(SEARCH_BRANCH.formatted(pattern == null ? NO_TEXT : SEARCH_TEXT));
            patternSlots.add(pattern == null ? 0 : 1);
        }
        if (kind == null || kind == LogEvent.Kind.CLICK) {
            branches.add(CLICK_BRANCH.formatted(pattern == null ? NO_TEXT : FEEDBACK_TEXT.formatted("c")));
            patternSlots.add(pattern == null ? 0 : 2);
        }
        if (kind == null || kind == LogEvent.Kind.RATING) {
            branches.add(RATING_BRANCH.formatted(pattern == null ? NO_TEXT : FEEDBACK_TEXT.formatted("r")));
            patternSlots.add(pattern == null ? 0 : 2);
        }
        String sql = "SELECT * FROM (" + String.join(" UNION ALL ", branches)
                + ") e ORDER BY e.at DESC, e.kind_rank DESC, e.seq DESC FETCH FIRST ? ROWS ONLY";
        List<LogEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int slots : patternSlots) {
                for (int k = 0; k < slots; k++) {
                    ps.setString(i++, pattern);
                }
                ps.setInt(i++, n);
            }
            ps.setInt(i, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(logEvent(rs));
                }
            }
        }
        return withOfferedArms(c, events);
    }

    /**
     * Each search line followed by the arms its round offered the policy and those it chose (ADR 0013: an arm such
     * as {@code dense} is offered only once it can search), as logged in {@code search_arms}.
     */
    private static List<LogEvent> withOfferedArms(Connection c, List<LogEvent> events) throws SQLException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (LogEvent e : events) {
            if (e.kind() == LogEvent.Kind.SEARCH) {
                long id = SearchIds.parse(e.searchId());
                min = Math.min(min, id);
                max = Math.max(max, id);
            }
        }
        if (min > max) {
            return events;
        }
        Map<Long, List<String>> offered = new LinkedHashMap<>();
        Map<Long, List<String>> chosen = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ARMS_BETWEEN)) {
            ps.setLong(1, min);
            ps.setLong(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("search_id");
                    offered.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("arm_id"));
                    if (rs.getBoolean("chosen")) {
                        chosen.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("arm_id"));
                    }
                }
            }
        }
        List<LogEvent> out = new ArrayList<>(events.size());
        for (LogEvent e : events) {
            long id = SearchIds.parse(e.searchId());
            if (e.kind() != LogEvent.Kind.SEARCH || !offered.containsKey(id)) {
                out.add(e);
                continue;
            }
            out.add(new LogEvent(e.kind(), e.time(), e.searchId(), null, e.detail() + " · offered "
                    + String.join(", ", offered.get(id)) + " · chose " + String.join(", ",
                    chosen.getOrDefault(id, List.of())), null));
        }
        return out;
    }

    private static LogEvent logEvent(ResultSet rs) throws SQLException {
        LogEvent.Kind kind = LogEvent.Kind.valueOf(rs.getString("kind"));
        String query = "\"" + rs.getString("query_text") + "\"";
        String detail = switch (kind) {
            case SEARCH -> query;
            case CLICK -> "clicked at position " + rs.getInt("position") + " for " + query;
            case RATING -> {
                Integer grade = Jdbc.getNullableInt(rs, "grade");
                yield (grade == null ? "can't tell" : "grade " + grade) + " by " + rs.getString("annotator")
                        + " for " + query;
            }
        };
        return new LogEvent(kind, Jdbc.getInstant(rs, "at"), SearchIds.format(rs.getLong("search_id")),
                rs.getString("item_id"), detail, kind == LogEvent.Kind.RATING ? rs.getString("annotator") : null);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static void replay(Connection c, Consumer<FeedbackOutcome> consumer) throws SQLException {
        replayAfter(c, 0, consumer);
    }

    /** Like {@link #replay} for the events numbered above {@code afterEvent} only. */
    static void replayAfter(Connection c, long afterEvent, Consumer<FeedbackOutcome> consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REPLAY)) {
            ps.setLong(1, afterEvent);
            try (ResultSet rs = ps.executeQuery()) {
                replayRows(rs, consumer);
            }
        }
    }

    static OptionalLong lastRoundAfter(Connection c, String policyId, long afterSearch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LAST_ROUND_AFTER)) {
            ps.setString(1, policyId);
            ps.setLong(2, afterSearch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static void replayRows(ResultSet rs, Consumer<FeedbackOutcome> consumer) throws SQLException {
        Pending pending = null;
        while (rs.next()) {
            long event = rs.getLong("event_id");
            if (pending == null || pending.eventId != event) {
                if (pending != null) {
                    consumer.accept(pending.outcome());
                }
                String source = rs.getString("source");
                pending = new Pending(event, source.equals("click") ? SearchIds.clickId(event) : SearchIds.ratingId(event),
                        SearchIds.format(rs.getLong("search_id")), rs.getString("item_id"),
                        ImpressionTable.features(rs), rs.getString("policy_id"), new LinkedHashMap<>());
            }
            pending.rewards.put(rs.getString("arm_id"), rs.getDouble("reward"));
        }
        if (pending != null) {
            consumer.accept(pending.outcome());
        }
    }

    private record Pending(long eventId, String id, String searchId, String itemId, ContextVector x,
                           String policyId, Map<String, Double> rewards) {
        FeedbackOutcome outcome() {
            return new FeedbackOutcome(id, searchId, itemId, rewards.keySet(), rewards, x, policyId);
        }
    }
}
