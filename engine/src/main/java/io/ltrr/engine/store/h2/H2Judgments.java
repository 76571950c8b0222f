package io.ltrr.engine.store.h2;

import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The imported relevance judgments (table {@code judgments}, migration V4). An import replaces everything of
 * its source in one transaction, so importing a corrected file again never leaves stale grades behind.
 */
final class H2Judgments implements Judgments {
    private static final String DELETE = "DELETE FROM judgments WHERE source = ?";
    private static final String INSERT = "INSERT INTO judgments (query, item_id, grade, source) VALUES (?, ?, ?, ?)";
    private static final String SELECT = "SELECT query, item_id, grade, source FROM judgments ORDER BY source, query, item_id";

    private final H2Database db;

    H2Judgments(H2Database db) {
        this.db = db;
    }

    /**
     * Replaces the judgments of {@code source} by the given ones.
     *
     * @throws IllegalArgumentException when a judgment names another source or a (query, item) pair twice
     */
    @Override
    public void replace(String source, List<Judgment> judgments) {
        Values.requireText(source, "source");
        Set<List<String>> seen = new HashSet<>();
        for (Judgment j : judgments) {
            if (!j.source().equals(source)) {
                throw new IllegalArgumentException("judgment of source '" + j.source() + "' in an import of '" + source + "'");
            }
            if (!seen.add(List.of(j.query(), j.itemId()))) {
                throw new IllegalArgumentException("query '" + j.query() + "', item '" + j.itemId() + "' is judged twice");
            }
        }
        db.sql(c -> {
            try (PreparedStatement del = c.prepareStatement(DELETE)) {
                del.setString(1, source);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(INSERT)) {
                for (Judgment j : judgments) {
                    ins.setString(1, j.query());
                    ins.setString(2, j.itemId());
                    ins.setInt(3, j.grade());
                    ins.setString(4, source);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** All judgments, by source, query and item. */
    @Override
    public List<Judgment> all() {
        return db.sql(c -> {
            List<Judgment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Judgment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return out;
        });
    }
}
