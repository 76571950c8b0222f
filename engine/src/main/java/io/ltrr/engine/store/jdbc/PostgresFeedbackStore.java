package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The feedback store in a PostgreSQL database that a team's workbenches share, with the schema kept by the
 * PostgreSQL translation of the Flyway migrations (db/migration-postgresql). The roles are
 * {@link JdbcFeedbackStore}'s, the same as on H2; each open store has its own connection and transactions.
 *
 * <p>Nothing is locked: several workbenches may open the same database. Opening fails with a one-line
 * {@link io.ltrr.engine.store.FeedbackStoreException} when the server is unreachable, the login is refused, the
 * database does not exist or a newer workbench migrated it; no message carries the password.
 */
public final class PostgresFeedbackStore extends JdbcFeedbackStore {
    private final String where;
    private Runnable afterClose = () -> { };

    private PostgresFeedbackStore(StoreDatabase db, String where, FeedbackStoreConfig config, Clock clock) {
        super(db, config, clock);
        this.where = where;
    }

    /**
     * Opens (creating the tables or migrating them) the store in a PostgreSQL database.
     *
     * @param url      {@code jdbc:postgresql://host:port/database}
     * @param user     the role to log in as
     * @param password its password, handed to the driver only
     */
    public static PostgresFeedbackStore open(String url, String user, String password, FeedbackStoreConfig config) {
        return open(url, user, password, config, Clock.systemUTC(), UnaryOperator.identity());
    }

    /**
     * With a clock for the times the store stamps itself (snapshots, Q2E updates) and a decorator of its JDBC
     * connection (tests inject faults through it).
     */
    public static PostgresFeedbackStore open(String url, String user, String password, FeedbackStoreConfig config,
                                             Clock clock, UnaryOperator<Connection> decorator) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(decorator, "decorator");
        PostgresLogin login = new PostgresLogin(url, user, password);
        return new PostgresFeedbackStore(StoreDatabase.openPostgres(login, decorator), login.where(), config, clock);
    }

    /**
     * Opens the store as a data folder's: the folder is locked while the store is open ({@code workbench.lock}), as
     * with H2, since the folder's own files (index, settings) still belong to one workbench; the database is not.
     *
     * @throws IllegalStateException when another workbench has the folder open
     */
    public static PostgresFeedbackStore openForFolder(Path dataDir, String url, String user, String password,
                                                      FeedbackStoreConfig config) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dir, e);
        }
        DataFolderLock lock = DataFolderLock.acquire(dir);
        try {
            PostgresFeedbackStore store = open(url, user, password, config);
            store.afterClose = lock::close;
            return store;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            afterClose.run();
        }
    }

    /** The database, as its JDBC URL without parameters. */
    public String where() {
        return where;
    }
}
