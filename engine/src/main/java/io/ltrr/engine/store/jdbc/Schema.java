package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.trace.StartupTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Opens the H2 file database of a data folder and brings its schema up to date with the Flyway migrations. */
final class Schema {
    /** The database file is {@code <data>/feedback.mv.db}. */
    static final String DATABASE_NAME = "feedback";
    static final String MIGRATIONS = "classpath:db/migration";
    /** H2's own file system: the disk. */
    static final String FILE_SYSTEM = "file";
    /**
     * The newest migration version this build bundles (in both {@code db/migration} and
     * {@code db/migration-postgresql}); {@code SchemaFastPathTest} keeps it equal to the highest file's version.
     */
    static final int LATEST_VERSION = 9;
    /** Flyway's record of the migrations applied to this database (its default table, quoted lower case on H2). */
    static final String APPLIED_VERSIONS =
            "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL";

    private Schema() {
    }

    /**
     * The JDBC URL of a data folder's database (docs/decisions/0007-durable-acknowledgements.md).
     * <ul>
     *   <li>FILE_LOCK=FILE (H2's default, spelled out) makes a second process fail fast instead of corrupting the
     *       file; DB_CLOSE_ON_EXIT=FALSE because the store closes the database itself.</li>
     *   <li>WRITE_DELAY=0: a commit writes its chunk to the file before it returns (H2's default writes up to
     *       500 ms later, from a background thread). Written is not yet durable: {@link StoreDatabase} forces the
     *       file to the disk after every commit that changed something.</li>
     *   <li>REUSE_SPACE=FALSE: every chunk is appended after the last live one, never written into a hole in the
     *       middle of the file. After an unclean end H2 looks for the newest chunk only where the file header
     *       points, at the end of the file, and along the chain of predicted next positions; a chunk written into
     *       a hole the prediction missed, with the header not yet rewritten, was invisible to that search, and the
     *       acknowledged commits in it were lost (and their ids issued again). Appended, the newest chunk is at
     *       the end of the file or the header is rewritten to point at it.</li>
     *   <li>MAX_COMPACT_TIME=0: no in-place compaction on close (it moves chunks around, and without reuse it
     *       cannot shrink the file); the file is compacted by copying instead ({@link StoreDatabase#close}).</li>
     * </ul>
     */
    static String url(Path dataDir) {
        return url(dataDir, FILE_SYSTEM);
    }

    /** As {@link #url(Path)}, with the database file opened through an H2 file system ("file" is the disk's). */
    static String url(Path dataDir, String fileSystem) {
        if (!fileSystem.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("fileSystem must be an H2 file-system scheme, was '" + fileSystem + "'");
        }
        String path = dataDir.resolve(DATABASE_NAME).toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("data folder path must not contain ';' (it would end the JDBC URL): "
                    + dataDir);
        }
        return "jdbc:h2:" + fileSystem + ":" + path + ";FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + ";REUSE_SPACE=FALSE;MAX_COMPACT_TIME=0";
    }

    /** A damaged database file: never replaced by an empty one; the message says what to do. */
    static IllegalStateException damaged(Path file, String why) {
        return new IllegalStateException("the feedback store " + file + " is damaged or unreadable (" + why
                + "); restore it from a backup, or run the command again with --reset-store to set it aside (kept as "
                + "the backup) and start an empty log");
    }

    /** Connects (auto-commit off) and migrates; the caller owns the returned connection. */
    static Connection openMigrated(Path dataDir) {
        return openMigrated(dataDir, FILE_SYSTEM);
    }

    /** As {@link #openMigrated(Path)}, through the given H2 file system. */
    static Connection openMigrated(Path dataDir, String fileSystem) {
        String url = url(dataDir, fileSystem);
        Path file = dataDir.resolve(DATABASE_NAME + ".mv.db");
        if (Files.isRegularFile(file) && file.toFile().length() == 0) {
            // H2 would take an empty file for a new database and silently start an empty log over the old one.
            throw damaged(file, "it is empty (0 bytes)");
        }
        Connection connection;
        try {
            StartupTrace.mark("store: connecting to H2");
            connection = DriverManager.getConnection(url, "sa", "");
            StartupTrace.mark("store: connected to H2");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw DataFolderLock.inUse(dataDir);
            }
            if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.GENERAL_ERROR_1
                    || e.getErrorCode() == ErrorCode.IO_EXCEPTION_2 || e.getErrorCode() == ErrorCode.IO_EXCEPTION_1) {
                String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                throw damaged(file, why.length() > 200 ? why.substring(0, 200) + "…" : why);
            }
            throw new FeedbackStoreException("cannot open the feedback database in " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            if (upToDate(connection)) {
                // Every bundled migration is applied: Flyway would load its classes, scan the classpath and validate
                // only to do nothing (about 170 ms of every command's start-up; issue 22).
                StartupTrace.mark("store: schema current (V" + LATEST_VERSION + "), Flyway not needed");
            } else {
                // Flyway opens its own connection to the same URL; it joins the database this connection keeps open.
                StartupTrace.run("store: Flyway migrate", () -> Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations(MIGRATIONS)
                        .failOnMissingLocations(true)
                        .load()
                        .migrate());
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (FlywayException | SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new FeedbackStoreException("cannot migrate the feedback database in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether Flyway's history shows exactly the migrations V1 to {@link #LATEST_VERSION} applied, each
     * successfully. Anything else — a new database (no history), an older schema, a failed migration, a version
     * this build does not know (a newer workbench's) — goes through Flyway, which migrates or refuses with its
     * message. Not checked on this path: a bundled migration file edited after it was applied (Flyway's checksum
     * validation); migration files are never edited once released, and every test database is migrated by Flyway.
     */
    static boolean upToDate(Connection connection) {
        BitSet applied = new BitSet();
        try (PreparedStatement statement = connection.prepareStatement(APPLIED_VERSIONS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int version = Integer.parseInt(rows.getString(1).trim());
                if (!rows.getBoolean(2) || version < 1 || version > LATEST_VERSION) {
                    return false;
                }
                applied.set(version);
            }
        } catch (SQLException | NumberFormatException notAsExpected) {
            return false;
        }
        return applied.cardinality() == LATEST_VERSION && applied.nextSetBit(0) == 1;
    }
}
