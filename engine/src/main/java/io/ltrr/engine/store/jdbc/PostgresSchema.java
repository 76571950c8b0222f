package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.FeedbackStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Opens a PostgreSQL feedback database and brings its schema up to date with the PostgreSQL translation of the
 * migrations (db/migration-postgresql, the same versions as H2's). A database a newer workbench migrated is
 * refused, never downgraded. Every failure is one line naming the server and the user, never the password.
 */
final class PostgresSchema {
    static final String MIGRATIONS = "classpath:db/migration-postgresql";

    private PostgresSchema() {
    }

    /** Connects (auto-commit off) and migrates; the caller owns the returned connection. */
    static Connection openMigrated(PostgresLogin login) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(login.url(), login.properties());
        } catch (SQLException e) {
            throw new FeedbackStoreException(cannotConnect(login, e), e);
        }
        try {
            // Flyway takes PostgreSQL's advisory lock, so workbenches starting together migrate one after another.
            Flyway flyway = Flyway.configure()
                    .dataSource(login.url(), login.user(), login.password())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load();
            refuseNewer(login, flyway);
            flyway.migrate();
            connection.setAutoCommit(false);
            return connection;
        } catch (FlywayException | SQLException | FeedbackStoreException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof FeedbackStoreException refused) {
                throw refused;
            }
            throw new FeedbackStoreException("cannot migrate the PostgreSQL feedback store " + login.where() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Flyway ignores versions it does not know by default; a store migrated beyond this workbench is refused. */
    private static void refuseNewer(PostgresLogin login, Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> future = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b);
        if (future.isPresent()) {
            String known = Arrays.stream(all).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                            && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                    .reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("none");
            throw new FeedbackStoreException("the PostgreSQL feedback store " + login.where()
                    + " was migrated by a newer workbench (schema version " + future.get().getVersion().getVersion()
                    + ", this workbench knows up to " + known + "); update the workbench, the store is never "
                    + "downgraded", null);
        }
    }

    /** One line per kind of failure to connect, by SQLSTATE; the driver's text never carries the password. */
    static String cannotConnect(PostgresLogin login, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01" -> "cannot log in to the PostgreSQL feedback store " + login.where() + " as '" + login.user()
                    + "': wrong user name or password";
            case "28000" -> "the PostgreSQL server refused the login to " + login.where() + " as '" + login.user()
                    + "' (no such role, or not allowed from this host)";
            case "3D000" -> "the PostgreSQL server has no database " + login.where()
                    + ": create it first (the workbench creates the tables in it, not the database)";
            case "08001", "08004", "08006", "57P01", "57P02", "57P03" -> "the PostgreSQL feedback store "
                    + login.where() + " is not reachable: is the server running, and are host and port right?";
            default -> "cannot open the PostgreSQL feedback store " + login.where() + " as '" + login.user() + "': "
                    + firstLine(e.getMessage()) + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        };
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
