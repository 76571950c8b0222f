package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The imported relevance judgments (table {@code judgments}, migration V4). An import adds to its source, or
 * replaces it when asked, in one transaction; an import with nothing in it changes nothing.
 */
final class H2Judgments implements Judgments {
    private static final String DELETE = "DELETE FROM judgments WHERE source = ?";
    private static final String INSERT = "INSERT INTO judgments (query, item_id, grade, source) VALUES (?, ?, ?, ?)";
    private static final String SELECT_SOURCE = "SELECT query, item_id, grade FROM judgments WHERE source = ?";
    private static final String DELETE_PAIR =
            "DELETE FROM judgments WHERE source = ? AND query_key = ? AND query = ? AND item_id = ?";
    private static final String UPDATE =
            "UPDATE judgments SET grade = ? WHERE source = ? AND query_key = ? AND query = ? AND item_id = ?";
    private static final String SELECT = "SELECT query, item_id, grade, source FROM judgments ORDER BY source, query, item_id";

    private static final String SELECT_QUERY = "SELECT query, item_id, grade, source FROM judgments "
            + "WHERE query_key = ? AND query = ? ORDER BY source, item_id";

    private final StoreDatabase db;

    H2Judgments(StoreDatabase db) {
        this.db = db;
    }

    /**
     * Replaces the judgments of {@code source} by the given ones.
     *
     * @throws IllegalArgumentException when a judgment names another source or a (query, item) pair twice
     */
    @Override
    public void replace(String source, List<Judgment> judgments) {
        checkImport(source, judgments);
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

    @Override
    public ImportCount importAll(String source, List<Judgment> judgments, boolean replace) {
        checkImport(source, judgments);
        if (judgments.isEmpty()) {
            return new ImportCount(0, 0, 0, 0);
        }
        return db.sql(c -> {
            Map<List<String>, Integer> had = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_SOURCE)) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        had.put(List.of(rs.getString(1), rs.getString(2)), rs.getInt(3));
                    }
                }
            }
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            try (PreparedStatement ins = c.prepareStatement(INSERT); PreparedStatement upd = c.prepareStatement(UPDATE)) {
                for (Judgment j : judgments) {
                    Integer old = had.remove(List.of(j.query(), j.itemId()));
                    if (old == null) {
                        ins.setString(1, j.query());
                        ins.setString(2, j.itemId());
                        ins.setInt(3, j.grade());
                        ins.setString(4, source);
                        ins.addBatch();
                        added++;
                    } else if (old != j.grade()) {
                        upd.setInt(1, j.grade());
                        upd.setString(2, source);
                        QueryKey.bind(upd, 3, j.query());
                        upd.setString(5, j.itemId());
                        upd.addBatch();
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
                ins.executeBatch();
                upd.executeBatch();
            }
            int removed = 0;
            if (replace && !had.isEmpty()) {
                try (PreparedStatement del = c.prepareStatement(DELETE_PAIR)) {
                    for (List<String> pair : had.keySet()) {
                        del.setString(1, source);
                        QueryKey.bind(del, 2, pair.get(0));
                        del.setString(4, pair.get(1));
                        del.addBatch();
                    }
                    del.executeBatch();
                }
                removed = had.size();
            }
            return new ImportCount(added, updated, unchanged, removed);
        });
    }

    private static void checkImport(String source, List<Judgment> judgments) {
        Judgment.checkSource(source);
        Set<List<String>> seen = new HashSet<>();
        for (Judgment j : judgments) {
            if (!j.source().equals(source)) {
                throw new IllegalArgumentException("judgment of source '" + j.source() + "' in an import of '" + source + "'");
            }
            if (!seen.add(List.of(j.query(), j.itemId()))) {
                throw new IllegalArgumentException("query '" + j.query() + "', item '" + j.itemId() + "' is judged twice");
            }
        }
    }

    /** All judgments, by source, query and item. */
    @Override
    public List<Judgment> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                return read(ps);
            }
        });
    }

    /** The judgments of one query (index judgments_by_query, on the query's key), by source and item. */
    @Override
    public List<Judgment> ofQuery(String query) {
        Objects.requireNonNull(query, "query");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_QUERY)) {
                QueryKey.bind(ps, 1, query);
                return read(ps);
            }
        });
    }

    private static List<Judgment> read(PreparedStatement ps) throws java.sql.SQLException {
        List<Judgment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Judgment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
        }
        return out;
    }
}
