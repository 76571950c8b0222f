package io.ltrr.engine.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL migrations ({@code db/migration-postgresql}) build the schema the H2 migrations
 * ({@code db/migration}) build: same versions and descriptions; every table and column with a compatible type,
 * nullability and identity; the same keys, foreign keys, checks and indexes. Both schemas are read from the
 * databases' INFORMATION_SCHEMA after Flyway ran, so a column added to one set only fails here. The one difference,
 * checked on its own: the text columns the store orders by compare by code point on PostgreSQL (COLLATE "C", V8, V9),
 * as every text does on H2.
 */
class PostgresMigrationTest {
    static final String H2_MIGRATIONS = "classpath:db/migration";
    static final String POSTGRES_MIGRATIONS = "classpath:db/migration-postgresql";
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    /** The tables of the schema, Flyway's own history table left out. */
    private static final String COLUMNS = """
            SELECT LOWER(table_name), LOWER(column_name), UPPER(data_type), character_maximum_length,
                   datetime_precision, is_nullable, is_identity, identity_generation
            FROM information_schema.columns
            WHERE LOWER(table_schema) = 'public' AND table_name <> 'flyway_schema_history'
            ORDER BY 1, 2""";
    private static final String KEYS = """
            SELECT LOWER(tc.table_name), tc.constraint_type, LOWER(k.column_name), LOWER(tc.constraint_name)
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                 AND k.table_name = tc.table_name
            WHERE LOWER(tc.table_schema) = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
              AND tc.table_name <> 'flyway_schema_history'
            ORDER BY 1, 4, k.ordinal_position""";
    private static final String REFERENCES = """
            SELECT LOWER(fk.table_name), LOWER(rc.constraint_name), LOWER(pk.table_name), rc.delete_rule
            FROM information_schema.referential_constraints rc
            JOIN information_schema.table_constraints fk
              ON fk.constraint_schema = rc.constraint_schema AND fk.constraint_name = rc.constraint_name
            JOIN information_schema.table_constraints pk
              ON pk.constraint_schema = rc.unique_constraint_schema AND pk.constraint_name = rc.unique_constraint_name
            WHERE LOWER(rc.constraint_schema) = 'public'""";
    /** PostgreSQL (before 18) lists every NOT NULL as a CHECK constraint named ..._not_null; those are columns. */
    private static final String CHECKS = """
            SELECT LOWER(table_name)
            FROM information_schema.table_constraints
            WHERE LOWER(table_schema) = 'public' AND constraint_type = 'CHECK'
              AND constraint_name NOT LIKE '%\\_not\\_null' ESCAPE '\\'
            ORDER BY 1""";
    private static final String SEQUENCES = """
            SELECT LOWER(sequence_name) FROM information_schema.sequences
            WHERE LOWER(sequence_schema) = 'public' ORDER BY 1""";
    /** H2's own names for the indexes it makes for constraints contain these; every named index is ours. */
    private static final String H2_INDEXES = """
            SELECT LOWER(i.table_name), LOWER(i.index_name), LOWER(c.column_name)
            FROM information_schema.indexes i
            JOIN information_schema.index_columns c
              ON c.index_schema = i.index_schema AND c.index_name = i.index_name AND c.table_name = i.table_name
            WHERE i.index_schema = 'PUBLIC' AND i.index_type_name = 'INDEX'
              AND i.index_name NOT LIKE '%CONSTRAINT%' AND i.index_name NOT LIKE '%\\_INDEX\\_%' ESCAPE '\\'
            ORDER BY 1, 2, c.ordinal_position""";
    /** Indexes not made by a constraint. */
    private static final String POSTGRES_INDEXES = """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND indexname NOT IN (
                SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = 'public')
            ORDER BY 1, 2""";
    private static final Pattern INDEX_COLUMNS = Pattern.compile("USING btree \\(([^)]*)\\)$");

    private static final String INSERT_SEARCH = """
            INSERT INTO searches (search_id, created_at, session_id, user_id, query_text, normalized_query,
                                  context_json, feature_names, feature_values, policy_id, policy_round)
            VALUES (?, ?, 's', 'u', 'q', 'q', '{}', '[]', '[]', 'p', 0)""";
    private static final String TAKE_EVENT_ID = "SELECT nextval('event_seq')";
    private static final String CLOSES = """
            SELECT search_id, close_id, reason, counted FROM search_closes ORDER BY close_id""";
    private static final String INSERT_SESSION =
            "INSERT INTO sessions (session_id, user_id, started_at, last_at) VALUES ('s', 'u', ?, ?)";
    private static final String SESSION_TIMES = "SELECT started_at, last_at FROM sessions";
    /** Columns whose collation is not their database's default. */
    private static final String COLLATED = """
            SELECT table_name || '.' || column_name || ' ' || collation_name FROM information_schema.columns
            WHERE table_schema = 'public' AND collation_name IS NOT NULL ORDER BY 1""";
    private static final String INSERT_SEARCH_OF = """
            INSERT INTO searches (search_id, created_at, session_id, user_id, query_text, normalized_query,
                                  context_json, feature_names, feature_values, policy_id, policy_round)
            VALUES (?, CURRENT_TIMESTAMP, 's', 'u', ?, ?, '{}', '[]', '[]', 'p', 0)""";
    private static final String INSERT_JUDGMENT =
            "INSERT INTO judgments (query, item_id, grade, source) VALUES (?, 'a', 1, 's')";
    private static final String INSERT_Q2E = """
            INSERT INTO q2e (normalized_query, item_id, predicted, impressions, clicks, updated_at)
            VALUES (?, 'a', 0.5, 0, 0, CURRENT_TIMESTAMP)""";
    private static final String INSERT_QUERY_SET =
            "INSERT INTO query_sets (name, created_at, origin) VALUES ('set', CURRENT_TIMESTAMP, '')";
    private static final String INSERT_SET_QUERY =
            "INSERT INTO query_set_queries (set_id, position, query) VALUES (1, ?, ?)";
    private static final String KEYS_OF_TEXTS = """
            SELECT 'searches ' || normalized_query || ' ' || normalized_query_key FROM searches
            UNION ALL SELECT 'judgments ' || query || ' ' || query_key FROM judgments
            UNION ALL SELECT 'q2e ' || normalized_query || ' ' || normalized_query_key FROM q2e
            UNION ALL SELECT 'query_set_queries ' || query || ' ' || query_key FROM query_set_queries
            ORDER BY 1""";

    @Test
    void appliesTheVersionsAndDescriptionsOfTheH2SetAndNothingTwice() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        Flyway postgres = postgres(server, database, null);
        postgres.migrate();
        Flyway h2 = h2(newH2Url());
        h2.migrate();

        assertThat(applied(postgres)).isEqualTo(applied(h2))
                .hasSizeGreaterThanOrEqualTo(8).allMatch(m -> m.endsWith(":true"));
        assertThat(postgres(server, database, null).migrate().migrationsExecuted).isZero();
    }

    @Test
    void everyTableAndColumnOfTheH2SchemaExistsWithACompatibleType() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        postgres(server, database, null).migrate();

        try (Connection h2 = migratedH2(); Connection pg = server.connect(database)) {
            List<String> h2Columns = columns(h2, 9);
            assertThat(h2Columns).as("the H2 schema read back").hasSizeGreaterThan(100)
                    .contains("searches.created_at timestamptz not null");
            assertThat(columns(pg, 6)).isEqualTo(h2Columns);
        }
    }

    @Test
    void keysForeignKeysChecksSequencesAndIndexesMatchTheH2Schema() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        postgres(server, database, null).migrate();

        try (Connection h2 = migratedH2(); Connection pg = server.connect(database)) {
            assertThat(keys(h2)).as("H2's keys read back").contains("q2e PRIMARY KEY (normalized_query_key, item_id)",
                    "ratings FOREIGN KEY (search_id, item_id) -> shown_items NO ACTION",
                    "query_set_runs FOREIGN KEY (set_id) -> query_sets CASCADE");
            assertThat(keys(pg)).isEqualTo(keys(h2));
            assertThat(rows(h2, CHECKS)).as("H2's checks read back").containsSubsequence("search_arms",
                    "search_arms", "search_arms");
            assertThat(rows(pg, CHECKS)).isEqualTo(rows(h2, CHECKS));
            assertThat(rows(h2, SEQUENCES)).as("H2's sequences").contains("event_seq", "search_seq", "session_seq");
            assertThat(rows(pg, SEQUENCES)).containsAll(rows(h2, SEQUENCES));
            assertThat(h2Indexes(h2)).as("H2's indexes read back").contains("searches_by_time ON searches (created_at)");
            assertThat(postgresIndexes(pg)).isEqualTo(h2Indexes(h2));
        }
    }

    @Test
    void theV7BackfillClosesOldSearchesInSearchIdOrder() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        postgres(server, database, "6").migrate();
        try (Connection pg = server.connect(database)) {
            try (PreparedStatement ps = pg.prepareStatement(TAKE_EVENT_ID); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue(); // event 1 went to a click before the migration
            }
            for (long id : new long[] {3, 1, 2}) {
                try (PreparedStatement ps = pg.prepareStatement(INSERT_SEARCH)) {
                    ps.setLong(1, id);
                    ps.setObject(2, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
        }
        postgres(server, database, null).migrate();

        try (Connection pg = server.connect(database)) {
            assertThat(rows(pg, CLOSES)).containsExactly("1 2 migrated f", "2 3 migrated f", "3 4 migrated f");
        }
    }

    /**
     * The one schema difference the H2 set does not have: PostgreSQL's text columns the store orders by compare by
     * code point (V8), as H2 compares every text, whatever the database's default collation.
     */
    @Test
    void theTextColumnsTheStoreOrdersByCompareByCodePoint() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newLinguisticDatabase();
        postgres(server, database, null).migrate();

        try (Connection pg = server.connect(database)) {
            assertThat(rows(pg, COLLATED)).containsExactly("imported_logs.source C", "imported_ubi_events.source C",
                    "imported_ubi_hits.source C", "imported_ubi_queries.source C", "item_provenance.arm_id C",
                    "judgments.item_id C", "judgments.query C", "judgments.source C", "q2e.item_id C",
                    "query_sets.name C",
                    "reformulations.from_query C", "reformulations.to_query C", "sessions.session_id C",
                    "user_profiles.style C");
        }
    }

    /** V8 gives the rows already there their keys: the MD5 of the text's UTF-8 bytes, as the store computes it. */
    @Test
    void theV8KeysOfRowsWrittenBeforeAreTheDigestsOfTheirTexts() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newLinguisticDatabase();
        postgres(server, database, "7").migrate();
        List<String> texts = List.of("blue train", "жёлтый поезд", "青い列車 \uD840\uDC00");
        try (Connection pg = server.connect(database)) {
            execute(pg, INSERT_QUERY_SET);
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                try (PreparedStatement ps = pg.prepareStatement(INSERT_SEARCH_OF)) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, text);
                    ps.setString(3, text);
                    ps.executeUpdate();
                }
                for (String sql : List.of(INSERT_JUDGMENT, INSERT_Q2E)) {
                    try (PreparedStatement ps = pg.prepareStatement(sql)) {
                        ps.setString(1, text);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = pg.prepareStatement(INSERT_SET_QUERY)) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, text);
                    ps.executeUpdate();
                }
            }
        }
        postgres(server, database, null).migrate();

        List<String> expected = new ArrayList<>();
        for (String table : List.of("searches", "judgments", "q2e", "query_set_queries")) {
            for (String text : texts) {
                expected.add(table + " " + text + " " + md5Hex(text));
            }
        }
        try (Connection pg = server.connect(database)) {
            assertThat(rows(pg, KEYS_OF_TEXTS)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anInstantTruncatedToMicrosecondsReadsBackUnchanged() throws SQLException {
        PostgresTestServer server = PostgresTestServer.shared();
        String database = server.newDatabase();
        postgres(server, database, null).migrate();
        Instant nanos = Instant.parse("2026-03-01T10:15:30.123456789Z");

        try (Connection pg = server.connect(database)) {
            try (PreparedStatement ps = pg.prepareStatement(INSERT_SESSION)) {
                ps.setObject(1, OffsetDateTime.ofInstant(nanos.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                ps.setObject(2, OffsetDateTime.ofInstant(nanos, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = pg.prepareStatement(SESSION_TIMES); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, OffsetDateTime.class).toInstant())
                        .isEqualTo(nanos.truncatedTo(ChronoUnit.MICROS));
                // Not truncated, PostgreSQL rounds: .123456789 becomes .123457, later than the instant given.
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .isEqualTo(Instant.parse("2026-03-01T10:15:30.123457Z"));
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Flyway postgres(PostgresTestServer server, String database, String target) {
        var config = Flyway.configure()
                .dataSource(server.jdbcUrl(database), PostgresTestServer.SUPERUSER, null)
                .locations(POSTGRES_MIGRATIONS)
                .failOnMissingLocations(true);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String newH2Url() {
        return "jdbc:h2:mem:h2schema" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    private static Flyway h2(String url) {
        return Flyway.configure().dataSource(url, "sa", "").locations(H2_MIGRATIONS).failOnMissingLocations(true)
                .load();
    }

    private static Connection migratedH2() throws SQLException {
        String url = newH2Url();
        Flyway h2 = h2(url);
        h2.migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    private static List<String> applied(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .map(m -> m.getVersion() + " " + m.getDescription() + " " + m.getType() + ":" + successful(m))
                .toList();
    }

    private static boolean successful(MigrationInfo migration) {
        return migration.getState().isApplied() && !migration.getState().isFailed();
    }

    /**
     * One line per column, "table.column type [not null] [identity generation]", types in portable terms:
     * CLOB and TEXT are both "text"; a time with zone is "timestamptz" at the database's finest precision, which
     * is 9 (nanoseconds) in H2 and 6 (microseconds) in PostgreSQL.
     */
    private static List<String> columns(Connection c, int timestampPrecision) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1) + "." + rs.getString(2);
                String type = switch (rs.getString(3)) {
                    case "CHARACTER VARYING" -> "varchar(" + rs.getLong(4) + ")";
                    case "CHARACTER LARGE OBJECT", "TEXT" -> "text";
                    case "TIMESTAMP WITH TIME ZONE" -> {
                        assertThat(rs.getInt(5)).as("precision of %s", name).isEqualTo(timestampPrecision);
                        yield "timestamptz";
                    }
                    default -> rs.getString(3).toLowerCase(Locale.ROOT);
                };
                String nullability = rs.getString(6).equals("NO") ? " not null" : "";
                String identity = "YES".equals(rs.getString(7)) ? " identity " + rs.getString(8) : "";
                columns.add(name + " " + type + nullability + identity);
            }
        }
        return columns;
    }

    /** Primary keys, unique constraints and foreign keys by their columns (names differ between databases). */
    private static List<String> keys(Connection c) throws SQLException {
        List<String> references = rows(c, REFERENCES);
        List<String> keys = new ArrayList<>();
        String current = null;
        List<String> columns = new ArrayList<>();
        String[] last = null;
        try (PreparedStatement ps = c.prepareStatement(KEYS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                if (!row[3].equals(current)) {
                    if (last != null) {
                        keys.add(key(last, columns, references));
                    }
                    current = row[3];
                    columns.clear();
                }
                columns.add(row[2]);
                last = row;
            }
        }
        if (last != null) {
            keys.add(key(last, columns, references));
        }
        return keys.stream().sorted().toList();
    }

    private static String key(String[] row, List<String> columns, List<String> references) {
        String key = row[0] + " " + row[1] + " (" + String.join(", ", columns) + ")";
        if (row[1].equals("FOREIGN KEY")) {
            String reference = references.stream().filter(r -> r.startsWith(row[0] + " " + row[3] + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("no reference for " + row[3]));
            key += " -> " + reference.substring(row[0].length() + row[3].length() + 2);
        }
        return key;
    }

    private static List<String> h2Indexes(Connection c) throws SQLException {
        List<String> indexes = new ArrayList<>();
        String current = null;
        List<String> columns = new ArrayList<>();
        String table = null;
        for (String row : rows(c, H2_INDEXES)) {
            String[] parts = row.split(" ");
            if (!parts[1].equals(current)) {
                if (current != null) {
                    indexes.add(current + " ON " + table + " (" + String.join(", ", columns) + ")");
                }
                current = parts[1];
                table = parts[0];
                columns.clear();
            }
            columns.add(parts[2]);
        }
        if (current != null) {
            indexes.add(current + " ON " + table + " (" + String.join(", ", columns) + ")");
        }
        return indexes.stream().sorted().toList();
    }

    private static List<String> postgresIndexes(Connection c) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(POSTGRES_INDEXES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Matcher m = INDEX_COLUMNS.matcher(rs.getString(3));
                assertThat(m.find()).as("a plain btree index: %s", rs.getString(3)).isTrue();
                indexes.add(rs.getString(2) + " ON " + rs.getString(1) + " (" + m.group(1) + ")");
            }
        }
        return indexes.stream().sorted().toList();
    }

    /** Every row as its columns joined by a space. */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
