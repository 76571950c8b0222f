package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.LoggedFeatures;
import io.ltrr.engine.store.SearchIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Ranker features of shown items (tables feature_sets, item_features; migration V3). */
final class FeatureTable {
    private static final String FIND_SET = "SELECT feature_names FROM feature_sets WHERE feature_set = ?";
    private static final String INSERT_SET =
            "INSERT INTO feature_sets (feature_set, feature_names, created_at) VALUES (?, ?, ?)";
    private static final String INSERT_VALUES =
            "INSERT INTO item_features (search_id, item_id, feature_set, feature_values) VALUES (?, ?, ?, ?)";
    /** Every logged row with its position, normalized query, click flag and best grade, by search then position. */
    private static final String SELECT_ALL = """
            SELECT f.search_id, f.item_id, f.feature_set, f.feature_values, s.position, q.normalized_query,
                   EXISTS (SELECT 1 FROM clicks c WHERE c.search_id = f.search_id AND c.item_id = f.item_id) AS clicked,
                   (SELECT MAX(r.grade) FROM ratings r WHERE r.search_id = f.search_id AND r.item_id = f.item_id) AS grade
            FROM item_features f
            JOIN shown_items s ON s.search_id = f.search_id AND s.item_id = f.item_id
            JOIN searches q ON q.search_id = f.search_id
            ORDER BY f.search_id, s.position""";
    private static final String SELECT_SEARCH = SELECT_ALL.replace("ORDER BY", "WHERE f.search_id = ? ORDER BY");

    private FeatureTable() {
    }

    /** A feature set's id: a digest of its names, so the same names always map to the same stored row. */
    static String featureSetId(List<String> names) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
            return "fs-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String record(Connection c, Dialect dialect, long search, List<String> names, Map<String, double[]> rows,
                         Instant now)
            throws SQLException {
        String set = featureSetId(names);
        boolean known;
        try (PreparedStatement ps = c.prepareStatement(FIND_SET)) {
            ps.setString(1, set);
            try (ResultSet rs = ps.executeQuery()) {
                known = rs.next();
            }
        }
        if (!known) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_SET)) {
                ps.setString(1, set);
                ps.setString(2, Json.write(names));
                Jdbc.setInstant(ps, 3, now, dialect);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_VALUES)) {
            for (Map.Entry<String, double[]> row : rows.entrySet()) {
                if (row.getValue().length != names.size()) {
                    throw new IllegalArgumentException("item '" + row.getKey() + "' has " + row.getValue().length
                            + " feature values for " + names.size() + " names");
                }
                ps.setLong(1, search);
                ps.setString(2, row.getKey());
                ps.setString(3, set);
                ps.setString(4, Json.write(row.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return set;
    }

    static void forEach(Connection c, Long search, Consumer<LoggedFeatures> consumer) throws SQLException {
        Map<String, List<String>> sets = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(search == null ? SELECT_ALL : SELECT_SEARCH)) {
            if (search != null) {
                ps.setLong(1, search);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String set = rs.getString("feature_set");
                    List<String> names = sets.get(set);
                    if (names == null) {
                        names = names(c, set);
                        sets.put(set, names);
                    }
                    consumer.accept(new LoggedFeatures(SearchIds.format(rs.getLong("search_id")),
                            rs.getString("normalized_query"), rs.getString("item_id"), rs.getInt("position"), set,
                            names, Json.doubles(rs.getString("feature_values")), rs.getBoolean("clicked"),
                            Jdbc.getNullableInt(rs, "grade")));
                }
            }
        }
    }

    private static List<String> names(Connection c, String set) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_SET)) {
            ps.setString(1, set);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("feature set " + set + " is referenced but not stored");
                }
                return Json.stringList(rs.getString(1));
            }
        }
    }
}
