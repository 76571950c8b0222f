package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.ShownItem;
import io.ltrr.engine.store.TaggedSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes and reads searches with their arms, shown items and provenance (tables searches … item_provenance). */
final class ImpressionTable {
    private static final String INSERT_SEARCH = """
            INSERT INTO searches (search_id, created_at, session_id, user_id, query_text, normalized_query,
                                  context_json, feature_names, feature_values, policy_id, policy_round)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Every search is open until a later search closes it (ADR 0009; see PullWriter). */
    private static final String INSERT_OPEN = "INSERT INTO open_searches (search_id, user_id, created_at) VALUES (?, ?, ?)";
    private static final String INSERT_ARM = """
            INSERT INTO search_arms (search_id, arm_id, arm_order, chosen, chosen_rank, k, propensity, mean,
                                     uncertainty, score, pulls)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SHOWN =
            "INSERT INTO shown_items (search_id, position, item_id, score) VALUES (?, ?, ?, ?)";
    private static final String INSERT_PROVENANCE =
            "INSERT INTO item_provenance (search_id, item_id, arm_id, arm_rank, arm_score) VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_SEARCH = "SELECT * FROM searches WHERE search_id = ?";
    private static final String SELECT_ARMS = "SELECT * FROM search_arms WHERE search_id = ? ORDER BY arm_order";
    private static final String SELECT_SHOWN = """
            SELECT s.position, s.item_id, s.score, p.arm_id, p.arm_rank, p.arm_score
            FROM shown_items s JOIN item_provenance p ON p.search_id = s.search_id AND p.item_id = s.item_id
            WHERE s.search_id = ?
            ORDER BY s.position, p.arm_rank, p.arm_id""";

    /**
     * Searches whose context JSON holds a key, with their clicked positions. The pattern only narrows the rows; the
     * caller parses each context and keeps the searches that do have the key.
     */
    private static final String SELECT_TAGGED = """
            SELECT s.search_id, s.context_json, c.position
            FROM searches s LEFT JOIN clicks c ON c.search_id = s.search_id
            WHERE s.context_json LIKE ?
            ORDER BY s.search_id, c.click_id""";

    private ImpressionTable() {
    }

    static void insert(Connection c, Dialect dialect, Impression imp) throws SQLException {
        long id = SearchIds.parse(imp.searchId());
        try (PreparedStatement ps = c.prepareStatement(INSERT_SEARCH)) {
            ps.setLong(1, id);
            Jdbc.setInstant(ps, 2, imp.timestamp(), dialect);
            ps.setString(3, imp.sessionId());
            ps.setString(4, imp.userId());
            ps.setString(5, imp.query());
            ps.setString(6, imp.normalizedQuery());
            ps.setString(7, Json.write(imp.context()));
            ps.setString(8, Json.write(imp.features().names()));
            ps.setString(9, Json.write(imp.features().values()));
            ps.setString(10, imp.selection().policyId());
            ps.setLong(11, imp.selection().round());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OPEN)) {
            ps.setLong(1, id);
            ps.setString(2, imp.userId());
            Jdbc.setInstant(ps, 3, imp.timestamp(), dialect);
            ps.executeUpdate();
        }
        insertArms(c, id, imp.selection());
        insertShown(c, id, imp.shown());
    }

    /** One row per offered arm; arm_order keeps the order the policy listed them in. */
    private static void insertArms(Connection c, long id, Selection sel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ARM)) {
            int order = 0;
            for (String arm : offeredArms(sel)) {
                ArmDiagnostics d = sel.diagnostics().get(arm);
                int rank = sel.chosen().indexOf(arm);
                ps.setLong(1, id);
                ps.setString(2, arm);
                ps.setInt(3, order++);
                ps.setBoolean(4, rank >= 0);
                Jdbc.setNullableInt(ps, 5, rank >= 0 ? rank : null);
                Jdbc.setNullableInt(ps, 6, sel.candidates().get(arm));
                Jdbc.setNullableDouble(ps, 7, sel.propensity().get(arm));
                Jdbc.setNullableDouble(ps, 8, d == null ? null : d.mean());
                Jdbc.setNullableDouble(ps, 9, d == null ? null : d.uncertainty());
                Jdbc.setNullableDouble(ps, 10, d == null ? null : d.score());
                if (d == null) {
                    ps.setNull(11, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(11, d.pulls());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Set<String> offeredArms(Selection sel) {
        Set<String> arms = new LinkedHashSet<>(sel.propensity().keySet());
        arms.addAll(sel.diagnostics().keySet());
        arms.addAll(sel.chosen());
        return arms;
    }

    private static void insertShown(Connection c, long id, List<ShownItem> shown) throws SQLException {
        try (PreparedStatement items = c.prepareStatement(INSERT_SHOWN);
             PreparedStatement prov = c.prepareStatement(INSERT_PROVENANCE)) {
            for (ShownItem item : shown) {
                items.setLong(1, id);
                items.setInt(2, item.position());
                items.setString(3, item.itemId());
                items.setDouble(4, item.score());
                items.addBatch();
                for (var hit : item.provenance().entrySet()) {
                    prov.setLong(1, id);
                    prov.setString(2, item.itemId());
                    prov.setString(3, hit.getKey());
                    prov.setInt(4, hit.getValue().rank());
                    prov.setDouble(5, hit.getValue().score());
                    prov.addBatch();
                }
            }
            items.executeBatch();
            prov.executeBatch();
        }
    }

    static Optional<Impression> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SEARCH)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Impression(SearchIds.format(id), Jdbc.getInstant(rs, "created_at"),
                        rs.getString("session_id"), rs.getString("user_id"), rs.getString("query_text"),
                        rs.getString("normalized_query"), Json.stringMap(rs.getString("context_json")),
                        features(rs), selection(c, id, rs.getString("policy_id"), rs.getLong("policy_round")),
                        shown(c, id)));
            }
        }
    }

    /** Every search whose context has {@code key}, oldest first, with the positions its clicks went to. */
    static List<TaggedSearch> tagged(Connection c, String key) throws SQLException {
        List<TaggedSearch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_TAGGED)) {
            // Keys are JSON object keys: "key": in the text. Values with quotes are escaped (\"), so they cannot match.
            ps.setString(1, "%" + Json.write(key) + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                long current = -1;
                Map<String, String> context = null;
                Set<Integer> clicked = new LinkedHashSet<>();
                while (rs.next()) {
                    long id = rs.getLong("search_id");
                    if (id != current) {
                        addTagged(out, current, context, clicked, key);
                        current = id;
                        context = Json.stringMap(rs.getString("context_json"));
                        clicked = new LinkedHashSet<>();
                    }
                    int position = rs.getInt("position");
                    if (!rs.wasNull()) {
                        clicked.add(position);
                    }
                }
                addTagged(out, current, context, clicked, key);
            }
        }
        return out;
    }

    private static void addTagged(List<TaggedSearch> out, long id, Map<String, String> context, Set<Integer> clicked,
                                  String key) {
        if (context != null && context.containsKey(key)) {
            out.add(new TaggedSearch(SearchIds.format(id), context, clicked));
        }
    }

    /** The context vector x of a searches row. */
    static ContextVector features(ResultSet rs) throws SQLException {
        return new ContextVector(Json.stringList(rs.getString("feature_names")),
                Json.doubles(rs.getString("feature_values")));
    }

    private static Selection selection(Connection c, long id, String policyId, long round) throws SQLException {
        Map<Integer, String> chosenByRank = new java.util.TreeMap<>();
        Map<String, Integer> candidates = new LinkedHashMap<>();
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_ARMS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String arm = rs.getString("arm_id");
                    if (rs.getBoolean("chosen")) {
                        chosenByRank.put(rs.getInt("chosen_rank"), arm);
                        candidates.put(arm, rs.getInt("k"));
                    }
                    double p = rs.getDouble("propensity");
                    if (!rs.wasNull()) {
                        propensity.put(arm, p);
                    }
                    long pulls = rs.getLong("pulls");
                    if (!rs.wasNull()) {
                        diagnostics.put(arm, new ArmDiagnostics(rs.getDouble("mean"), rs.getDouble("uncertainty"),
                                rs.getDouble("score"), pulls));
                    }
                }
            }
        }
        return new Selection(policyId, round, new ArrayList<>(chosenByRank.values()), candidates, propensity,
                diagnostics);
    }

    private static List<ShownItem> shown(Connection c, long id) throws SQLException {
        List<ShownItem> shown = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_SHOWN)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                int position = -1;
                String itemId = null;
                double score = 0;
                Map<String, ArmHit> provenance = new LinkedHashMap<>();
                while (rs.next()) {
                    if (rs.getInt("position") != position) {
                        if (itemId != null) {
                            shown.add(new ShownItem(position, itemId, score, provenance));
                        }
                        position = rs.getInt("position");
                        itemId = rs.getString("item_id");
                        score = rs.getDouble("score");
                        provenance = new LinkedHashMap<>();
                    }
                    provenance.put(rs.getString("arm_id"), new ArmHit(rs.getInt("arm_rank"), rs.getDouble("arm_score")));
                }
                if (itemId != null) {
                    shown.add(new ShownItem(position, itemId, score, provenance));
                }
            }
        }
        return shown;
    }
}
