package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ImportedLog;
import io.ltrr.engine.store.ImportedLogs;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The imported logs (tables {@code imported_logs}, {@code imported_ubi_queries}, {@code imported_ubi_hits},
 * {@code imported_ubi_events}, migration V9). A source's rows hang below its {@code imported_logs} row and are
 * deleted with it, so replacing a log is one delete and the inserts, in one transaction.
 */
final class H2ImportedLogs implements ImportedLogs {
    /** Rows per batch of inserts: a large log does not hold every statement in memory at once. */
    private static final int BATCH = 1000;

    private static final String INSERT_LOG =
            "INSERT INTO imported_logs (source, format, imported_at) VALUES (?, ?, ?)";
    private static final String DELETE_LOG = "DELETE FROM imported_logs WHERE source = ?";
    private static final String INSERT_QUERY = "INSERT INTO imported_ubi_queries (source, query_seq, query_id, "
            + "user_query, client_id, queried_at, query_response_id, attributes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_HIT =
            "INSERT INTO imported_ubi_hits (source, query_seq, position, item_id) VALUES (?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO imported_ubi_events (source, event_seq, action_name, "
            + "query_id, client_id, occurred_at, object_id, object_id_field, position, attributes_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_LOG = "SELECT l.source, l.format, l.imported_at, "
            + "(SELECT COUNT(*) FROM imported_ubi_queries q WHERE q.source = l.source) AS queries, "
            + "(SELECT COUNT(*) FROM imported_ubi_events e WHERE e.source = l.source) AS events "
            + "FROM imported_logs l WHERE l.source = ?";
    private static final String SELECT_LOGS = "SELECT l.source, l.format, l.imported_at, "
            + "(SELECT COUNT(*) FROM imported_ubi_queries q WHERE q.source = l.source) AS queries, "
            + "(SELECT COUNT(*) FROM imported_ubi_events e WHERE e.source = l.source) AS events "
            + "FROM imported_logs l ORDER BY l.source";
    private static final String SELECT_QUERIES = "SELECT query_seq, query_id, user_query, client_id, queried_at, "
            + "query_response_id, attributes_json FROM imported_ubi_queries WHERE source = ? ORDER BY query_seq";
    private static final String SELECT_HITS =
            "SELECT query_seq, item_id FROM imported_ubi_hits WHERE source = ? ORDER BY query_seq, position";
    private static final String SELECT_EVENTS = "SELECT action_name, query_id, client_id, occurred_at, object_id, "
            + "object_id_field, position, attributes_json FROM imported_ubi_events WHERE source = ? ORDER BY event_seq";

    private final StoreDatabase db;
    private final Clock clock;

    H2ImportedLogs(StoreDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<ImportedLog> storeUbi(String source, UbiLog log, boolean replace) {
        Judgment.checkSource(source);
        Objects.requireNonNull(log, "log");
        return db.sql(c -> {
            Optional<ImportedLog> old = find(c, source);
            if (old.isPresent()) {
                if (!replace) {
                    throw new IllegalArgumentException("an imported log named '" + source + "' exists already");
                }
                delete(c, source);
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_LOG)) {
                ps.setString(1, source);
                ps.setString(2, UBI);
                Jdbc.setInstant(ps, 3, clock.instant(), db.dialect());
                ps.executeUpdate();
            }
            insertQueries(c, source, log.queries());
            insertEvents(c, source, log.events());
            return old;
        });
    }

    private void insertQueries(Connection c, String source, List<UbiQuery> queries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_QUERY);
             PreparedStatement hits = c.prepareStatement(INSERT_HIT)) {
            int seq = 0;
            int pendingHits = 0;
            for (UbiQuery q : queries) {
                seq++;
                ps.setString(1, source);
                ps.setInt(2, seq);
                ps.setString(3, q.queryId());
                ps.setString(4, q.userQuery());
                ps.setString(5, q.clientId());
                setNullableInstant(ps, 6, q.timestamp());
                ps.setString(7, q.responseId());
                ps.setString(8, q.attributesJson());
                ps.addBatch();
                if (seq % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            seq = 0;
            for (UbiQuery q : queries) {
                seq++;
                int position = 0;
                for (String id : q.hitIds()) {
                    hits.setString(1, source);
                    hits.setInt(2, seq);
                    hits.setInt(3, ++position);
                    hits.setString(4, id);
                    hits.addBatch();
                    if (++pendingHits % BATCH == 0) {
                        hits.executeBatch();
                    }
                }
            }
            hits.executeBatch();
        }
    }

    private void insertEvents(Connection c, String source, List<UbiEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            int seq = 0;
            for (UbiEvent e : events) {
                seq++;
                ps.setString(1, source);
                ps.setInt(2, seq);
                ps.setString(3, e.actionName());
                ps.setString(4, e.queryId());
                ps.setString(5, e.clientId());
                Jdbc.setInstant(ps, 6, e.timestamp(), db.dialect());
                ps.setString(7, e.objectId());
                ps.setString(8, e.objectIdField());
                Jdbc.setNullableInt(ps, 9, e.position());
                ps.setString(10, e.attributesJson());
                ps.addBatch();
                if (seq % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<ImportedLog> find(String source) {
        Objects.requireNonNull(source, "source");
        return db.read(c -> find(c, source));
    }

    private static Optional<ImportedLog> find(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_LOG)) {
            ps.setString(1, source);
            List<ImportedLog> logs = readLogs(ps);
            return logs.stream().findFirst();
        }
    }

    @Override
    public List<ImportedLog> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_LOGS)) {
                return readLogs(ps);
            }
        });
    }

    private static List<ImportedLog> readLogs(PreparedStatement ps) throws SQLException {
        List<ImportedLog> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ImportedLog(rs.getString("source"), rs.getString("format"), rs.getInt("queries"),
                        rs.getInt("events"), Jdbc.getInstant(rs, "imported_at")));
            }
        }
        return out;
    }

    @Override
    public Optional<UbiLog> ubi(String source) {
        Objects.requireNonNull(source, "source");
        return db.read(c -> {
            Optional<ImportedLog> log = find(c, source);
            if (log.isEmpty() || !UBI.equals(log.get().format())) {
                return Optional.empty();
            }
            return Optional.of(new UbiLog(readQueries(c, source), readEvents(c, source)));
        });
    }

    private static List<UbiQuery> readQueries(Connection c, String source) throws SQLException {
        Map<Integer, List<String>> hits = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_HITS)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<UbiQuery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_QUERIES)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UbiQuery(rs.getString("query_id"), rs.getString("user_query"),
                            rs.getString("client_id"), nullableInstant(rs, "queried_at"),
                            rs.getString("query_response_id"), rs.getString("attributes_json"),
                            hits.getOrDefault(rs.getInt("query_seq"), List.of())));
                }
            }
        }
        return out;
    }

    private static List<UbiEvent> readEvents(Connection c, String source) throws SQLException {
        List<UbiEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS)) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UbiEvent(rs.getString("action_name"), rs.getString("query_id"),
                            rs.getString("client_id"), Jdbc.getInstant(rs, "occurred_at"), rs.getString("object_id"),
                            rs.getString("object_id_field"), Jdbc.getNullableInt(rs, "position"),
                            rs.getString("attributes_json")));
                }
            }
        }
        return out;
    }

    @Override
    public boolean delete(String source) {
        Objects.requireNonNull(source, "source");
        return db.sql(c -> delete(c, source));
    }

    private static boolean delete(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE_LOG)) {
            ps.setString(1, source);
            return ps.executeUpdate() > 0;
        }
    }

    private void setNullableInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            Jdbc.setInstant(ps, index, at, db.dialect());
        }
    }

    private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
