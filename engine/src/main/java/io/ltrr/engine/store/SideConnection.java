package io.ltrr.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A second connection to a data folder's feedback database, for tables that live beside the feedback log
 * (reformulations, profiles) without widening {@link FeedbackStore}. It joins the database the open
 * {@link H2FeedbackStore} keeps (one embedded database per JVM and file); the folder lock stays the store's.
 * Every call is one transaction, serialized by this object's monitor, as in the store.
 */
final class SideConnection implements AutoCloseable {
    /** Work on the connection that may fail with SQL errors. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path dataDir;
    private final Connection connection;
    private boolean closed;

    SideConnection(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        // Migrating again is a no-op when the store already did it, and makes a side table usable on its own.
        this.connection = Schema.openMigrated(this.dataDir);
    }

    synchronized <T> T inTransaction(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the feedback database connection of " + dataDir + " is closed");
        }
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new FeedbackStoreException("feedback store operation failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new FeedbackStoreException("closing the feedback database in " + dataDir + " failed", e);
        }
    }
}
