package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.SearchIds;
import io.ltrr.engine.store.SessionLog;
import io.ltrr.engine.store.SessionSearch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionLog} in table {@code sessions}, with the reads of logged searches by session. */
final class H2Sessions implements SessionLog {
    private static final String SEARCH = """
            SELECT s.search_id, s.session_id, s.user_id, s.created_at, s.normalized_query,
                   (SELECT COUNT(*) FROM clicks c WHERE c.search_id = s.search_id) AS n_clicks
            FROM searches s""";
    private static final String BY_ID = SEARCH + " WHERE s.search_id = ?";
    // Ids grow with time within a session, so "the search before" is the highest smaller id of the session.
    private static final String PREVIOUS = SEARCH + """
             WHERE s.session_id = ? AND s.search_id < ?
            ORDER BY s.search_id DESC FETCH FIRST 1 ROW ONLY""";

    private final StoreDatabase db;

    H2Sessions(StoreDatabase db) {
        this.db = db;
    }

    @Override
    public String sessionFor(String userId, Instant at, Duration inactivityGap) {
        return db.sql(c -> SessionTable.sessionFor(c, db.dialect(), userId, at, inactivityGap));
    }

    /** A logged search with its clicks so far, or empty for an unknown id. */
    @Override
    public Optional<SessionSearch> search(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.sql(c -> one(c, BY_ID, ps -> ps.setLong(1, id)));
    }

    /** The search logged just before this one in the same session, or empty when it opened its session. */
    @Override
    public Optional<SessionSearch> previousInSession(String searchId) {
        long id = SearchIds.parse(searchId);
        return db.sql(c -> {
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
