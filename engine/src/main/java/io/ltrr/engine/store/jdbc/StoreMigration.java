package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * Copies a data folder's H2 feedback store into an empty PostgreSQL database: both schemas are brought to the same
 * migration version first, then every table is copied in dependency order with batched inserts, the sequences and
 * identity columns are set past the copied ids, and each table's rows are verified (count and an order-independent
 * digest of the rows) before the one transaction commits. A database that already holds exactly the folder's rows
 * is reported as already migrated and left untouched; any other non-empty database is refused.
 */
public final class StoreMigration {
    /** Rows per batch of inserts. */
    private static final int BATCH = 500;

    /**
     * Every table of the schema, parents before children: name, columns, and the identity column (or "") whose
     * sequence is set past the copied values. A fixed list: the statements below are built from it alone.
     */
    private static final String[][] TABLES = {
        {"sessions", "session_id, user_id, started_at, last_at", ""},
        {"searches", "search_id, created_at, session_id, user_id, query_text, normalized_query, context_json, "
                + "feature_names, feature_values, policy_id, policy_round", ""},
        {"search_arms", "search_id, arm_id, arm_order, chosen, chosen_rank, k, propensity, mean, uncertainty, score, "
                + "pulls", ""},
        {"shown_items", "search_id, position, item_id, score", ""},
        {"item_provenance", "search_id, item_id, arm_id, arm_rank, arm_score", ""},
        {"clicks", "click_id, search_id, item_id, position, created_at", ""},
        {"ratings", "rating_id, search_id, item_id, grade, cant_tell, annotator, created_at", ""},
        {"arm_rewards", "reward_id, search_id, arm_id, reward, source, event_id", "reward_id"},
        {"q2e", "normalized_query, item_id, predicted, impressions, clicks, updated_at", ""},
        {"policy_snapshots", "snapshot_id, policy_id, policy_round, snapshot, created_at, seen_search_id, "
                + "seen_event_id", "snapshot_id"},
        {"ranker_state", "ranker_id, version, model, created_at", ""},
        {"reformulations", "reformulation_id, session_id, user_id, from_search_id, to_search_id, from_query, "
                + "to_query, relation, gap_millis, to_succeeded, created_at", "reformulation_id"},
        {"user_profiles", "user_id, style, weight, updated_at", ""},
        {"feature_sets", "feature_set, feature_names, created_at", ""},
        {"item_features", "search_id, item_id, feature_set, feature_values", ""},
        {"judgments", "query, item_id, grade, source", ""},
        {"query_sets", "set_id, name, created_at, origin", "set_id"},
        {"query_set_queries", "set_id, position, query", ""},
        {"query_set_runs", "run_id, set_id, created_at, description, judgments, ndcg_at_10, p_at_10, mrr_at_10, "
                + "unjudged, snapshot_json", "run_id"},
        {"search_closes", "search_id, close_id, closed_at, reason, counted", ""},
        {"search_pulls", "search_id, arm_id, reward", ""},
        {"open_searches", "search_id, user_id, created_at", ""},
        {"imported_logs", "source, format, imported_at", ""},
        {"imported_ubi_queries", "source, query_seq, query_id, user_query, client_id, queried_at, query_response_id, "
                + "attributes_json", ""},
        {"imported_ubi_hits", "source, query_seq, position, item_id", ""},
        {"imported_ubi_events", "source, event_seq, action_name, query_id, client_id, occurred_at, object_id, "
                + "object_id_field, position, attributes_json", ""},
    };
    /** The schema's sequences, as H2 names them and as PostgreSQL does. */
    private static final String[][] SEQUENCES = {
        {"SEARCH_SEQ", "search_seq"}, {"EVENT_SEQ", "event_seq"}, {"SESSION_SEQ", "session_seq"},
    };
    private static final String H2_NEXT_VALUE =
            "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC' AND SEQUENCE_NAME = ?";
    private static final String PG_SET_SEQUENCE = "SELECT setval(CAST(? AS regclass), ?, false)";
    private static final String PG_SET_IDENTITY = "SELECT setval(pg_get_serial_sequence(?, ?), ?, false)";

    private static final List<Table> TABLE_LIST = tables();

    private StoreMigration() {
    }

    /** Rows of one table in each store. */
    public record Count(long h2, long postgresql) {
    }

    /**
     * What a migration found and did.
     *
     * @param alreadyMigrated the database held exactly the folder's rows already; nothing was written
     * @param tables          per table, in copy order, the rows in the H2 store and in PostgreSQL afterwards
     */
    public record Result(boolean alreadyMigrated, Map<String, Count> tables) {
        public Result {
            tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        }
    }

    /**
     * Copies the H2 store of a data folder into a PostgreSQL database (whose schema is created or migrated first).
     * The folder is locked meanwhile, so no workbench writes its H2 store during the copy.
     *
     * @throws IllegalStateException when the folder has no H2 store, or the database holds other rows
     * @throws FeedbackStoreException when either database cannot be opened (one line, never the password)
     */
    public static Result toPostgresql(Path dataDir, String url, String user, String password) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(Schema.DATABASE_NAME + ".mv.db"))) {
            throw new IllegalStateException("no H2 feedback store in " + dir + " to migrate");
        }
        PostgresLogin login = new PostgresLogin(url, user, password);
        try (StoreDatabase h2 = StoreDatabase.open(dir, UnaryOperator.identity(), Schema.FILE_SYSTEM);
             StoreDatabase pg = StoreDatabase.openPostgres(login, UnaryOperator.identity())) {
            return pg.sql(target -> h2.sql(source -> migrate(source, target, login.where())));
        }
    }

    private static Result migrate(Connection h2, Connection pg, String where) throws SQLException {
        Map<String, Count> counts = new LinkedHashMap<>();
        boolean empty = true;
        for (Table t : TABLE_LIST) {
            long n = rows(pg, t);
            counts.put(t.name, new Count(rows(h2, t), n));
            empty &= n == 0;
        }
        if (!empty) {
            for (Table t : TABLE_LIST) {
                Count c = counts.get(t.name);
                if (c.h2 != c.postgresql || !digest(h2, t).equals(digest(pg, t))) {
                    throw new IllegalStateException("the PostgreSQL database " + where + " already holds other data "
                            + "(table " + t.name + ": " + c.postgresql + " rows there, " + c.h2 + " in this folder's "
                            + "store); migrate into an empty database");
                }
            }
            return new Result(true, counts);
        }
        for (Table t : TABLE_LIST) {
            long copied = copy(h2, pg, t);
            long there = rows(pg, t);
            if (copied != counts.get(t.name).h2 || there != copied || !digest(h2, t).equals(digest(pg, t))) {
                throw new IllegalStateException("the copy of table " + t.name + " does not match (" + copied
                        + " rows read, " + there + " in PostgreSQL); nothing was migrated");
            }
            counts.put(t.name, new Count(copied, there));
        }
        for (String[] sequence : SEQUENCES) {
            try (PreparedStatement read = h2.prepareStatement(H2_NEXT_VALUE)) {
                read.setString(1, sequence[0]);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the H2 store has no sequence " + sequence[1]);
                    }
                    setValue(pg, PG_SET_SEQUENCE, sequence[1], null, rs.getLong(1));
                }
            }
        }
        return new Result(false, counts);
    }

    /** Copies one table's rows in batches; sets its identity (if any) past the largest copied value. */
    private static long copy(Connection h2, Connection pg, Table t) throws SQLException {
        long rows = 0;
        long maxIdentity = 0;
        try (PreparedStatement read = h2.prepareStatement(t.select);
             ResultSet rs = read.executeQuery();
             PreparedStatement write = pg.prepareStatement(t.insert)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= t.columns; i++) {
                    Object v = value(rs, i, meta.getColumnType(i));
                    if (v == null) {
                        write.setNull(i, Types.NULL);
                    } else if (v instanceof OffsetDateTime time) {
                        write.setObject(i, time);
                    } else {
                        write.setObject(i, v);
                    }
                    if (i == 1 && t.identity && v instanceof Long id) {
                        maxIdentity = Math.max(maxIdentity, id);
                    }
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            if (rows % BATCH != 0) {
                write.executeBatch();
            }
        }
        if (t.identity) {
            setValue(pg, PG_SET_IDENTITY, t.name, t.identityColumn, maxIdentity + 1);
        }
        return rows;
    }

    private static void setValue(Connection pg, String sql, String name, String column, long next)
            throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(sql)) {
            ps.setString(1, name);
            if (column == null) {
                ps.setLong(2, next);
            } else {
                ps.setString(2, column);
                ps.setLong(3, next);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private static long rows(Connection c, Table t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(t.count); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An order-independent digest of a table's rows: the sum of each row's SHA-256 prefix, with the row count. */
    private static String digest(Connection c, Table t) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long sum = 0;
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(t.select); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= t.columns; i++) {
                    Object v = value(rs, i, meta.getColumnType(i));
                    row.append(v instanceof OffsetDateTime time ? time.toInstant() : v).append('\u0001');
                }
                byte[] h = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                long prefix = 0;
                for (int i = 0; i < Long.BYTES; i++) {
                    prefix = (prefix << 8) | (h[i] & 0xff);
                }
                sum += prefix;
                rows++;
            }
        }
        return rows + ":" + Long.toHexString(sum);
    }

    /**
     * A column's value as both databases give it back alike: whole numbers as Long, reals as Double, truth values
     * as Boolean, times as OffsetDateTime in UTC to the microsecond (PostgreSQL's precision, truncated as the store
     * does, never rounded), everything else as text.
     */
    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(i);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                yield t == null ? null : OffsetDateTime.ofInstant(t.toInstant().truncatedTo(ChronoUnit.MICROS),
                        java.time.ZoneOffset.UTC);
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static List<Table> tables() {
        List<Table> list = new ArrayList<>();
        for (String[] t : TABLES) {
            list.add(new Table(t[0], t[1], t[2]));
        }
        return List.copyOf(list);
    }

    /** One table's statements, built from {@link #TABLES} only. */
    private static final class Table {
        final String name;
        final int columns;
        final boolean identity;
        final String identityColumn;
        final String select;
        final String insert;
        final String count;

        Table(String name, String columns, String identityColumn) {
            this.name = name;
            this.columns = columns.split(",").length;
            this.identity = !identityColumn.isEmpty();
            this.identityColumn = identityColumn;
            this.select = "SELECT " + columns + " FROM " + name;
            StringJoiner marks = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < this.columns; i++) {
                marks.add("?");
            }
            // GENERATED ALWAYS identities take the copied ids only when told to.
            this.insert = "INSERT INTO " + name + " (" + columns + ")"
                    + (identity ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES " + marks;
            this.count = "SELECT COUNT(*) FROM " + name;
        }
    }
}
