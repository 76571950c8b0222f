package io.ltrr.engine.store.h2;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.store.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one owner of a data folder's feedback database: the folder lock, the single JDBC connection and its
 * transactions. Every table class of this package works through {@link #sql}; a call made while a transaction is
 * open on the calling thread joins it, so a caller can make several writes one transaction with
 * {@link #inTransaction(Supplier)} (a search: impression, session, features, policy snapshot). The monitor
 * serializes threads, which an embedded database does internally anyway.
 */
public final class H2Database implements Transactions, AutoCloseable {
    /** Work on the connection that may fail with SQL errors. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path dataDir;
    private final DataFolderLock lock;
    private final Connection connection;
    private int depth;
    private boolean closed;

    private H2Database(Path dataDir, DataFolderLock lock, Connection connection) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.connection = connection;
    }

    /**
     * Locks the folder, then opens (creating or migrating) its database.
     *
     * @param decorator wraps the connection (identity in production; tests inject faults through it)
     * @throws IllegalStateException when another workbench holds the folder
     */
    static H2Database open(Path dataDir, UnaryOperator<Connection> decorator) {
        DataFolderLock lock = DataFolderLock.acquire(dataDir);
        try {
            return new H2Database(dataDir, lock, decorator.apply(Schema.openMigrated(dataDir)));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return sql(c -> work.get());
    }

    /**
     * Runs the work in the calling thread's open transaction, or as its own transaction (committed when it
     * returns, rolled back when it throws) when none is open.
     */
    public synchronized <T> T sql(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the feedback store of " + dataDir + " is closed");
        }
        if (depth > 0) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new FeedbackStoreException("feedback store operation failed: " + e.getMessage(), e);
            }
        }
        depth++;
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
        } finally {
            depth--;
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
        } finally {
            lock.close();
        }
    }
}
