package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Sessions: a user's run of searches without an inactivity gap longer than the configured one. */
final class SessionTable {
    private static final String LATEST = """
            SELECT session_id, last_at FROM sessions WHERE user_id = ?
            ORDER BY last_at DESC, session_id DESC FETCH FIRST 1 ROW ONLY""";
    private static final String TOUCH = "UPDATE sessions SET last_at = GREATEST(last_at, ?) WHERE session_id = ?";
    private static final String INSERT =
            "INSERT INTO sessions (session_id, user_id, started_at, last_at) VALUES (?, ?, ?, ?)";

    private SessionTable() {
    }

    static String sessionFor(Connection c, Dialect dialect, String userId, Instant at, Duration gap)
            throws SQLException {
        Values.requireText(userId, "userId");
        Objects.requireNonNull(at, "at");
        if (gap == null || gap.isNegative()) {
            throw new IllegalArgumentException("inactivityGap must be >= 0, was " + gap);
        }
        try (PreparedStatement ps = c.prepareStatement(LATEST)) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                // An event a little before the last activity (clocks, replays) still belongs to that session.
                if (rs.next() && !at.isAfter(Jdbc.getInstant(rs, "last_at").plus(gap))) {
                    String session = rs.getString("session_id");
                    try (PreparedStatement touch = c.prepareStatement(TOUCH)) {
                        Jdbc.setInstant(touch, 1, at, dialect);
                        touch.setString(2, session);
                        touch.executeUpdate();
                    }
                    return session;
                }
            }
        }
        String session = "ses-" + dialect.nextValue(c, "session_seq");
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, session);
            ps.setString(2, userId);
            Jdbc.setInstant(ps, 3, at, dialect);
            Jdbc.setInstant(ps, 4, at, dialect);
            ps.executeUpdate();
        }
        return session;
    }
}
