package io.ltrr.engine.store.h2;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Opens the H2 file database of a data folder and brings its schema up to date with the Flyway migrations. */
final class Schema {
    /** The database file is {@code <data>/feedback.mv.db}. */
    static final String DATABASE_NAME = "feedback";
    static final String MIGRATIONS = "classpath:db/migration";

    private Schema() {
    }

    /**
     * The JDBC URL of a data folder's database. FILE_LOCK=FILE (H2's default, spelled out) makes a second
     * process fail fast instead of corrupting the file. WRITE_DELAY=0 writes every commit to the file before
     * commit returns: with H2's default (flush up to 500 ms later) a JVM that dies right after a click was
     * "committed" loses it, and one that dies during the first open leaves a half-applied migration that Flyway
     * then refuses to run. DB_CLOSE_ON_EXIT=FALSE because the store closes the database itself.
     */
    static String url(Path dataDir) {
        String path = dataDir.resolve(DATABASE_NAME).toString();
        if (path.contains(";")) {
            throw new IllegalArgumentException("data folder path must not contain ';' (it would end the JDBC URL): "
                    + dataDir);
        }
        return "jdbc:h2:file:" + path + ";FILE_LOCK=FILE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Connects (auto-commit off) and migrates; the caller owns the returned connection. */
    static Connection openMigrated(Path dataDir) {
        String url = url(dataDir);
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw DataFolderLock.inUse(dataDir);
            }
            throw new FeedbackStoreException("cannot open the feedback database in " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            // Flyway opens its own connection to the same URL; it joins the database this connection keeps open.
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
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
}
