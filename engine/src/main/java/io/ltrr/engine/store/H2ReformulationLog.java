package io.ltrr.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable {@link ReformulationLog}: table {@code reformulations} of the feedback database (migration V2),
 * plus the reads of logged searches the detector needs (a search and the one before it in its session).
 * Open it beside the data folder's {@link H2FeedbackStore} and close it before the store.
 */
public final class H2ReformulationLog implements ReformulationLog, AutoCloseable {
    private static final String SEARCH = """
            SELECT s.search_id, s.session_id, s.user_id, s.created_at, s.normalized_query,
                   (SELECT COUNT(*) FROM clicks c WHERE c.search_id = s.search_id) AS n_clicks
            FROM searches s""";
    private static final String BY_ID = SEARCH + " WHERE s.search_id = ?";
    // Ids grow with time within a session, so "the search before" is the highest smaller id of the session.
    private static final String PREVIOUS = SEARCH + """
             WHERE s.session_id = ? AND s.search_id < ?
            ORDER BY s.search_id DESC FETCH FIRST 1 ROW ONLY""";
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

    private final SideConnection db;

    private H2ReformulationLog(SideConnection db) {
        this.db = db;
    }

    /** Opens the log of a data folder (migrating its database when needed). */
    public static H2ReformulationLog open(Path dataDir) {
        return new H2ReformulationLog(new SideConnection(dataDir));
    }

    /** A logged search with its clicks so far, or empty for an unknown id. */
    public Optional<SessionSearch> search(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.inTransaction(c -> one(c, BY_ID, ps -> ps.setLong(1, id)));
    }

    /** The search logged just before this one in the same session, or empty when it opened its session. */
    public Optional<SessionSearch> previousInSession(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.inTransaction(c -> {
            Optional<SessionSearch> self = one(c, BY_ID, ps -> ps.setLong(1, id));
            if (self.isEmpty()) {
                return Optional.empty();
            }
            return one(c, PREVIOUS, ps -> {
                ps.setString(1, self.get().sessionId());
                ps.setLong(2, id);
            });
        });
    }

    @Override
    public boolean record(Reformulation r) {
        Objects.requireNonNull(r, "reformulation");
        long from = SearchIds.parse(r.fromSearchId());
        long to = SearchIds.parse(r.toSearchId());
        return db.inTransaction(c -> {
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
                Jdbc.setInstant(ps, 10, r.at());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<ReformulationCount> markSucceeded(String toSearchId) {
        long to = SearchIds.parse(toSearchId);
        return db.inTransaction(c -> {
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
        return db.inTransaction(c -> {
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

    @Override
    public void close() {
        db.close();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<SessionSearch> one(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionSearch(SearchIds.format(rs.getLong("search_id")),
                        rs.getString("session_id"), rs.getString("user_id"), Jdbc.getInstant(rs, "created_at"),
                        rs.getString("normalized_query"), rs.getLong("n_clicks")));
            }
        }
    }
}
