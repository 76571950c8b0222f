package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.store.StoreOfflineException;
import io.ltrr.engine.store.StoreStatus;
import io.ltrr.engine.store.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one owner of a feedback database: on H2 the data folder's lock and file, on PostgreSQL a server's database;
 * in both the single JDBC connection of this store and its transactions. Every table class of this package works
 * through {@link #sql}; a call made while a transaction is open on the calling thread joins it, so a caller can
 * make several writes one transaction with {@link #inTransaction(Supplier)} (a search: impression, session,
 * features, policy snapshot). The monitor serializes threads, which an embedded database does internally anyway.
 *
 * <p>On PostgreSQL several workbenches write one database. Every transaction that may write first takes one
 * transaction-scoped advisory lock ({@link #WRITE_LOCK}, ADR 0011), so the team's writes commit one after another:
 * ids handed out by the sequences follow commit order, as on H2, and what a transaction reads before it writes
 * (a repeated click, the next model version, a policy snapshot to continue from) cannot change under it. Long
 * reads that write nothing ({@link #read}) do not take it. A lost connection makes the store offline: the failing
 * call throws {@link StoreOfflineException} and the next call reconnects.
 */
public final class StoreDatabase implements Transactions, AutoCloseable {
    /** Work on the connection that may fail with SQL errors. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The id of the session's open transaction, NULL while it has changed nothing. */
    private static final String TRANSACTION_CHANGES = "SELECT TRANSACTION_ID()";
    /** H2's synchronous checkpoint: writes what is pending, then forces the database file to the disk. */
    private static final String CHECKPOINT_SYNC = "CHECKPOINT SYNC";
    /** Percentage of live data in the file's chunks (dead chunks count as used space until they are freed). */
    private static final String FILL_RATE =
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'";
    /** Closes the database, copying its live data to a new file that replaces the old one. */
    private static final String SHUTDOWN_COMPACT = "SHUTDOWN COMPACT";
    /** Below this fill rate (percent) closing compacts the file. */
    static final int COMPACT_BELOW_FILL_RATE = 50;
    /** PostgreSQL: the key of the advisory lock every writing transaction takes first ("LTRR" and 1). */
    static final long WRITE_LOCK_KEY = 0x4C54_5252_0000_0001L;
    /** Waits for, then holds until commit or rollback, the team's write lock. */
    private static final String WRITE_LOCK = "SELECT pg_advisory_xact_lock(?)";
    /** PostgreSQL's SQLSTATE class of connection failures. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** PostgreSQL's SQLSTATE class of an operator intervention (a shutdown or restart ends the session). */
    private static final String OPERATOR_INTERVENTION_CLASS = "57P";
    /** Seconds a status check waits for the server. */
    private static final int STATUS_TIMEOUT_SECONDS = 3;

    private final Dialect dialect;
    /** The data folder (H2), or null (PostgreSQL). */
    private final Path dataDir;
    /** What the messages call this database: the folder, or the server's URL without its parameters. */
    private final String where;
    /** The folder lock (H2), or null: PostgreSQL serves several workbenches at once. */
    private final DataFolderLock lock;
    /** How to connect again after the connection was lost (PostgreSQL), or null (H2). */
    private final PostgresLogin login;
    private final UnaryOperator<Connection> decorator;
    private Connection connection;
    /** The same session undecorated: the durability bookkeeping around a commit is not part of the transaction. */
    private Connection session;
    private int depth;
    /** Whether the top-level transaction in progress holds the write lock (PostgreSQL). */
    private boolean writeLocked;
    /** Why the connection was lost (PostgreSQL), or null while it works. */
    private String lost;
    private boolean closed;

    private StoreDatabase(Dialect dialect, Path dataDir, String where, DataFolderLock lock, PostgresLogin login,
                          UnaryOperator<Connection> decorator, Connection session) {
        this.dialect = dialect;
        this.dataDir = dataDir;
        this.where = where;
        this.lock = lock;
        this.login = login;
        this.decorator = decorator;
        this.session = session;
        this.connection = decorator.apply(session);
    }

    /**
     * Locks the folder, then opens (creating or migrating) its database.
     *
     * @param decorator wraps the connection (identity in production; tests inject faults through it)
     * @param fileSystem the H2 file system the database file is opened through ("file" in production; tests
     *                   observe H2's writes and forces through their own)
     * @throws IllegalStateException when another workbench holds the folder
     */
    static StoreDatabase open(Path dataDir, UnaryOperator<Connection> decorator, String fileSystem) {
        DataFolderLock lock = DataFolderLock.acquire(dataDir);
        try {
            Connection session = Schema.openMigrated(dataDir, fileSystem);
            try {
                checkAgainstLastClose(dataDir, session);
            } catch (RuntimeException e) {
                closeQuietly(session);
                throw e;
            }
            return new StoreDatabase(Dialect.H2, dataDir, dataDir.toString(), lock, null, decorator, session);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Connects to a PostgreSQL database and brings its schema up to date ({@link PostgresSchema}). Commits are
     * durable through the server's write-ahead log, so nothing is forced or compacted here, and nothing is locked:
     * several workbenches may share the database.
     *
     * @param decorator wraps the connection (identity in production; tests inject faults through it)
     */
    static StoreDatabase openPostgres(PostgresLogin login, UnaryOperator<Connection> decorator) {
        Connection session = PostgresSchema.openMigrated(login);
        return new StoreDatabase(Dialect.POSTGRESQL, null, login.where(), null, login, decorator, session);
    }

    /**
     * What the log held when the store was last closed: {@code feedback.seen}, beside the database. The log only
     * grows (acknowledged events are durable), so fewer searches, clicks or ratings on open mean the file lost
     * committed data (truncated, or restored from an older copy), which H2's recovery alone would open silently.
     */
    static final String SEEN_FILE = "feedback.seen";
    private static final String[] COUNTED = {"searches", "clicks", "ratings"};

    private static long[] counts(Connection c) throws SQLException {
        long[] n = new long[COUNTED.length];
        for (int i = 0; i < COUNTED.length; i++) {
            n[i] = Jdbc.count(c, "SELECT COUNT(*) FROM " + COUNTED[i]);
        }
        return n;
    }

    private static void checkAgainstLastClose(Path dataDir, Connection c) {
        Path seen = dataDir.resolve(SEEN_FILE);
        if (!Files.isRegularFile(seen)) {
            return;
        }
        long[] before;
        try {
            String[] parts = Files.readString(seen).strip().split(" ");
            before = new long[COUNTED.length];
            for (int i = 0; i < COUNTED.length; i++) {
                before[i] = Long.parseLong(parts[i]);
            }
        } catch (IOException | RuntimeException unreadable) {
            return; // a damaged record of the counts proves nothing about the database; it is rewritten on close
        }
        long[] now;
        try {
            now = counts(c);
        } catch (SQLException e) {
            throw new FeedbackStoreException("cannot count the feedback log in " + dataDir + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < COUNTED.length; i++) {
            if (now[i] < before[i]) {
                throw Schema.damaged(dataDir.resolve(Schema.DATABASE_NAME + ".mv.db"), "it holds " + now[i] + " "
                        + COUNTED[i] + " where it held " + before[i] + " when last closed: committed data is missing; if you "
                        + "restored an older copy on purpose, delete " + seen + " first");
            }
        }
    }

    /** Records the counts for the next open's check; best effort (a failure only skips the check). */
    private void recordCounts() {
        try {
            long[] n = counts(connection);
            connection.commit();
            Path tmp = dataDir.resolve(SEEN_FILE + ".tmp");
            Files.writeString(tmp, n[0] + " " + n[1] + " " + n[2] + "\n");
            Files.move(tmp, dataDir.resolve(SEEN_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException | RuntimeException e) {
            // without the record the next open simply skips the check
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already failing
        }
    }

    /** The data folder of an H2 database; null for PostgreSQL. */
    Path dataDir() {
        return dataDir;
    }

    Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return sql(c -> work.get());
    }

    /**
     * Runs the work in the calling thread's open transaction, or as its own transaction (committed when it
     * returns, rolled back when it throws) when none is open.
     *
     * <p>A transaction that changed the database is durable when this returns: after the commit the database file
     * is forced to the disk ({@code CHECKPOINT SYNC}), so whatever the caller acknowledges next survives a kill of
     * the process and a power cut (docs/decisions/0007-durable-acknowledgements.md). A sync that fails is thrown:
     * the transaction is committed but may not survive a power cut, so it must not be acknowledged. On PostgreSQL
     * the commit itself returns once the server's write-ahead log is flushed (synchronous_commit, its default), and
     * the transaction first takes the team's write lock.
     */
    public <T> T sql(SqlWork<T> work) {
        return run(work, true);
    }

    /**
     * As {@link #sql}, for work that only reads: on PostgreSQL it does not wait for the team's write lock, so a
     * long read (an export, a training pass over the feature log) never holds up the annotators' writes. Called
     * inside a writing transaction it simply joins it.
     */
    public <T> T read(SqlWork<T> work) {
        return run(work, false);
    }

    private synchronized <T> T run(SqlWork<T> work, boolean writes) {
        if (closed) {
            throw new IllegalStateException("the feedback store of " + where + " is closed");
        }
        if (depth > 0) {
            try {
                if (writes && dialect == Dialect.POSTGRESQL && !writeLocked) {
                    takeWriteLock(); // a write joining a read: serialized from here on
                }
                return work.run(connection);
            } catch (SQLException e) {
                throw new FeedbackStoreException("feedback store operation failed: " + e.getMessage(), e);
            }
        }
        reconnectIfLost();
        depth++;
        T result;
        boolean changed;
        boolean committing = false;
        try {
            if (writes && dialect == Dialect.POSTGRESQL) {
                takeWriteLock();
            }
            result = work.run(connection);
            changed = dialect == Dialect.H2 && hasChanges();
            committing = true;
            connection.commit();
        } catch (SQLException e) {
            rollback(e);
            throw failed(e, committing);
        } catch (RuntimeException | Error e) {
            rollback(e);
            if (e instanceof FeedbackStoreException f && f.getCause() instanceof SQLException cause
                    && connectionLost(cause)) {
                throw failed(cause, false);
            }
            throw e;
        } finally {
            depth--;
            writeLocked = false;
        }
        if (changed) {
            sync();
        }
        return result;
    }

    private void takeWriteLock() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(WRITE_LOCK)) {
            ps.setLong(1, WRITE_LOCK_KEY);
            ps.executeQuery().close();
        }
        writeLocked = true;
    }

    /** The exception a failed transaction throws: offline when the connection was lost, else the SQL error. */
    private FeedbackStoreException failed(SQLException e, boolean committing) {
        if (dialect == Dialect.POSTGRESQL && connectionLost(e)) {
            lost = PostgresSchema.firstLine(e.getMessage());
            return new StoreOfflineException("the feedback store " + where + " is offline (" + lost + "): "
                    + (committing ? "the change may not have been saved" : "nothing of this was saved")
                    + "; it reconnects when the server answers again", e);
        }
        return new FeedbackStoreException("feedback store operation failed: " + e.getMessage(), e);
    }

    /** Whether the error means the connection to the server is gone (rather than a statement failing). */
    private boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION_CLASS)) {
            return true;
        }
        try {
            return session.isClosed() || !session.isValid(STATUS_TIMEOUT_SECONDS);
        } catch (SQLException unknown) {
            return true;
        }
    }

    /** After a lost connection, connects again (and checks the schema) before the next transaction. */
    private void reconnectIfLost() {
        if (lost == null) {
            return;
        }
        Connection fresh;
        try {
            fresh = PostgresSchema.openMigrated(login);
        } catch (FeedbackStoreException e) {
            throw new StoreOfflineException(e.getMessage(), e);
        }
        closeQuietly(session);
        session = fresh;
        connection = decorator.apply(fresh);
        lost = null;
    }

    /**
     * Whether the store answers now: on H2 always (the folder's own file); on PostgreSQL a short round trip to the
     * server, reconnecting first if the connection was lost. Never throws for an unreachable server.
     */
    public synchronized StoreStatus status() {
        String kind = dialect == Dialect.H2 ? "h2" : "postgresql";
        if (closed) {
            return new StoreStatus(kind, where, Optional.of("closed"));
        }
        if (dialect == Dialect.H2 || depth > 0) {
            return new StoreStatus(kind, where, Optional.empty());
        }
        try {
            reconnectIfLost();
            if (!session.isValid(STATUS_TIMEOUT_SECONDS)) {
                lost = "the server does not answer";
            }
        } catch (StoreOfflineException e) {
            return new StoreStatus(kind, where, Optional.of(e.getMessage()));
        } catch (SQLException e) {
            lost = PostgresSchema.firstLine(e.getMessage());
        }
        return new StoreStatus(kind, where, Optional.ofNullable(lost).map(why -> "the feedback store " + where
                + " is offline (" + why + ")"));
    }

    private boolean hasChanges() throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(TRANSACTION_CHANGES); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getObject(1) != null;
        }
    }

    private void sync() {
        try (PreparedStatement ps = session.prepareStatement(CHECKPOINT_SYNC)) {
            ps.execute();
        } catch (SQLException e) {
            throw new FeedbackStoreException("the feedback database in " + dataDir
                    + " committed a change but could not force it to the disk: " + e.getMessage(), e);
        }
    }

    /**
     * The file only grows (REUSE_SPACE=FALSE, see {@link Schema#url}); when less than half of its chunks' content
     * is live data, closing copies the live data to a new file that replaces the old one atomically (H2's
     * {@code SHUTDOWN COMPACT}). Until the rename the old file, complete and synced, is the database, so a kill
     * or a power cut during the copy loses nothing.
     */
    private void compactIfSparse() throws SQLException {
        String fillRate;
        try (PreparedStatement ps = session.prepareStatement(FILL_RATE); ResultSet rs = ps.executeQuery()) {
            fillRate = rs.next() ? rs.getString(1).trim() : "";
        }
        if (fillRate.matches("\\d{1,3}") && Integer.parseInt(fillRate) < COMPACT_BELOW_FILL_RATE) {
            try (PreparedStatement ps = session.prepareStatement(SHUTDOWN_COMPACT)) {
                ps.execute();
            }
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
        if (dialect == Dialect.POSTGRESQL) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new FeedbackStoreException("closing the feedback database " + where + " failed", e);
            }
            return;
        }
        recordCounts();
        SQLException compaction = null;
        try {
            compactIfSparse();
        } catch (SQLException e) {
            compaction = e; // the old file is still the database, complete: close it and say so
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new FeedbackStoreException("closing the feedback database in " + dataDir + " failed", e);
        } finally {
            lock.close();
        }
        if (compaction != null) {
            throw new FeedbackStoreException("compacting the feedback database in " + dataDir
                    + " failed (nothing was lost; the file stays as it was): " + compaction.getMessage(), compaction);
        }
    }
}
