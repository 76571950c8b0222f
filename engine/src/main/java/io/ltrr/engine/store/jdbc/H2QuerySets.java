package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.QueryCount;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import io.ltrr.engine.store.QuerySets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The durable {@link QuerySets}: tables {@code query_sets}, {@code query_set_queries}, {@code query_set_runs} (V6). */
final class H2QuerySets implements QuerySets {
    private static final String INSERT_SET =
            "INSERT INTO query_sets (name, created_at, origin) VALUES (?, ?, ?)";
    private static final String INSERT_QUERY =
            "INSERT INTO query_set_queries (set_id, position, query) VALUES (?, ?, ?)";
    private static final String SELECT_SET = "SELECT set_id, name, created_at, origin FROM query_sets";
    private static final String SELECT_QUERIES =
            "SELECT query FROM query_set_queries WHERE set_id = ? ORDER BY position";
    private static final String DELETE_SET = "DELETE FROM query_sets WHERE name = ?";
    private static final String SELECT_SET_ID = "SELECT set_id FROM query_sets WHERE name = ?";
    private static final String INSERT_RUN = "INSERT INTO query_set_runs (set_id, created_at, description, judgments, "
            + "ndcg_at_10, p_at_10, mrr_at_10, unjudged, snapshot_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_RUN = "SELECT r.run_id, s.name, r.created_at, r.description, r.judgments, "
            + "r.ndcg_at_10, r.p_at_10, r.mrr_at_10, r.unjudged, r.snapshot_json "
            + "FROM query_set_runs r JOIN query_sets s ON s.set_id = r.set_id";
    private static final String LOGGED = "SELECT TRIM(query_text) AS q, COUNT(*) AS n FROM searches "
            + "WHERE TRIM(query_text) <> '' GROUP BY TRIM(query_text) ORDER BY n DESC, q";
    /**
     * Ties by code point as on H2 (migration V8): searches.query_text keeps the database's collation, which the
     * log filter needs to lower-case non-ASCII letters, so the order says its collation here.
     */
    private static final String LOGGED_POSTGRESQL = "SELECT TRIM(query_text) AS q, COUNT(*) AS n FROM searches "
            + "WHERE TRIM(query_text) <> '' GROUP BY TRIM(query_text) "
            + "ORDER BY n DESC, TRIM(query_text) COLLATE \"C\"";

    private final StoreDatabase db;
    private final Clock clock;

    H2QuerySets(StoreDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public QuerySet create(String name, String origin, List<String> queries) {
        QuerySet set = new QuerySet(name, clock.instant(), origin, queries);
        return db.sql(c -> {
            if (setId(c, name).isPresent()) {
                throw new IllegalArgumentException("a query set named '" + name + "' exists already");
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(INSERT_SET, Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, set.name());
                Jdbc.setInstant(ps, 2, set.createdAt(), db.dialect());
                ps.setString(3, set.origin());
                ps.executeUpdate();
                id = generatedKey(ps);
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_QUERY)) {
                int position = 1;
                for (String q : set.queries()) {
                    ps.setLong(1, id);
                    ps.setInt(2, position++);
                    ps.setString(3, q);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return set;
        });
    }

    @Override
    public Optional<QuerySet> find(String name) {
        Objects.requireNonNull(name, "name");
        return db.sql(c -> {
            List<QuerySet> found = read(c, SELECT_SET + " WHERE name = ?", name);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<QuerySet> list() {
        return db.sql(c -> read(c, SELECT_SET + " ORDER BY name", null));
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return db.sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_SET)) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public QuerySetRun saveRun(QuerySetRun run) {
        Objects.requireNonNull(run, "run");
        return db.sql(c -> {
            long setId = setId(c, run.setName()).orElseThrow(() ->
                    new IllegalArgumentException("no query set named '" + run.setName() + "'"));
            QuerySetRun stamped = new QuerySetRun(0, run.setName(), clock.instant(), run.description(),
                    run.judgments(), run.ndcg(), run.precision(), run.mrr(), run.unjudged(), run.snapshotJson());
            try (PreparedStatement ps = c.prepareStatement(INSERT_RUN, Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, setId);
                Jdbc.setInstant(ps, 2, stamped.createdAt(), db.dialect());
                ps.setString(3, stamped.description());
                ps.setString(4, stamped.judgments());
                Jdbc.setNullableDouble(ps, 5, finite(stamped.ndcg()));
                Jdbc.setNullableDouble(ps, 6, finite(stamped.precision()));
                Jdbc.setNullableDouble(ps, 7, finite(stamped.mrr()));
                ps.setInt(8, stamped.unjudged());
                ps.setString(9, stamped.snapshotJson());
                ps.executeUpdate();
                long id = generatedKey(ps);
                return new QuerySetRun(id, stamped.setName(), stamped.createdAt(), stamped.description(),
                        stamped.judgments(), stamped.ndcg(), stamped.precision(), stamped.mrr(), stamped.unjudged(),
                        stamped.snapshotJson());
            }
        });
    }

    @Override
    public List<QuerySetRun> runs(String name) {
        Objects.requireNonNull(name, "name");
        return db.sql(c -> readRuns(c, SELECT_RUN + " WHERE s.name = ? ORDER BY r.run_id", ps -> ps.setString(1, name)));
    }

    @Override
    public Optional<QuerySetRun> run(long runId) {
        return db.sql(c -> readRuns(c, SELECT_RUN + " WHERE r.run_id = ?", ps -> ps.setLong(1, runId))
                .stream().findFirst());
    }

    @Override
    public List<QueryCount> loggedQueries() {
        return db.sql(c -> {
            List<QueryCount> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(db.dialect().pick(LOGGED, LOGGED_POSTGRESQL));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueryCount(rs.getString("q"), rs.getLong("n")));
                }
            }
            return out;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<QuerySetRun> readRuns(Connection c, String sql, Binder binder) throws SQLException {
        List<QuerySetRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QuerySetRun(rs.getLong(1), rs.getString(2), Jdbc.getInstant(rs, "created_at"),
                            rs.getString(4), rs.getString(5), nan(rs, 6), nan(rs, 7), nan(rs, 8), rs.getInt(9),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** A set's row, before its queries are read. */
    private record SetRow(long id, String name, java.time.Instant createdAt, String origin) {
    }

    private static List<QuerySet> read(Connection c, String sql, String name) throws SQLException {
        List<SetRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SetRow(rs.getLong("set_id"), rs.getString("name"),
                            Jdbc.getInstant(rs, "created_at"), rs.getString("origin")));
                }
            }
        }
        List<QuerySet> out = new ArrayList<>();
        for (SetRow row : rows) {
            out.add(new QuerySet(row.name(), row.createdAt(), row.origin(), queries(c, row.id())));
        }
        return out;
    }

    private static List<String> queries(Connection c, long setId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_QUERIES)) {
            ps.setLong(1, setId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Optional<Long> setId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SET_ID)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double nan(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
