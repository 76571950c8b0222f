package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.FeedbackStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The feedback store as an embedded H2 file database, {@code <data>/feedback.mv.db}, with the schema kept by
 * Flyway migrations (db/migration). The roles are {@link JdbcFeedbackStore}'s, over one {@link StoreDatabase}.
 *
 * <p>The data folder is locked while the store is open ({@code workbench.lock}); a second open, from this or
 * another process, fails with an {@link IllegalStateException}.
 */
public final class H2FeedbackStore extends JdbcFeedbackStore {
    private boolean copy;
    private Runnable afterClose = () -> { };

    private H2FeedbackStore(StoreDatabase db, FeedbackStoreConfig config, Clock clock) {
        super(db, config, clock);
    }

    /** Opens (creating or migrating) the store of a data folder with default settings. */
    public static H2FeedbackStore open(Path dataDir) {
        return open(dataDir, FeedbackStoreConfig.defaults());
    }

    /**
     * Opens (creating or migrating) the store of a data folder.
     *
     * @throws IllegalStateException when another workbench has the folder open
     */
    public static H2FeedbackStore open(Path dataDir, FeedbackStoreConfig config) {
        return open(dataDir, config, Clock.systemUTC(), UnaryOperator.identity());
    }

    /** With a clock for the times the store stamps itself (snapshots, Q2E updates). */
    static H2FeedbackStore open(Path dataDir, FeedbackStoreConfig config, Clock clock) {
        return open(dataDir, config, clock, UnaryOperator.identity());
    }

    /**
     * With a clock for the times the store stamps itself (snapshots, Q2E updates) and a decorator of its JDBC
     * connection (tests inject faults through it).
     */
    public static H2FeedbackStore open(Path dataDir, FeedbackStoreConfig config, Clock clock,
                                       UnaryOperator<Connection> decorator) {
        return open(dataDir, config, clock, decorator, Schema.FILE_SYSTEM);
    }

    /**
     * As {@link #open(Path, FeedbackStoreConfig, Clock, UnaryOperator)}, with the database file opened through a
     * registered H2 file system (an {@code org.h2.store.fs.FilePath} scheme): tests observe the writes and the
     * forces to disk that H2 makes. Production uses "file", the disk.
     */
    public static H2FeedbackStore open(Path dataDir, FeedbackStoreConfig config, Clock clock,
                                       UnaryOperator<Connection> decorator, String fileSystem) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dir, e);
        }
        return new H2FeedbackStore(StoreDatabase.open(dir, decorator, fileSystem), config, clock);
    }

    /** The data folder this store lives in. */
    public Path dataDir() {
        return db.dataDir();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            afterClose.run();
        }
    }

    /**
     * Opens the store of a data folder for reading. When the folder is in use by another workbench or cannot be
     * written (read-only), it opens a copy of the database file taken now instead, in a temporary folder deleted
     * on close: the log as of the last commit written, never half of one (the database only appends, and its
     * recovery takes the newest complete commit). {@link #isCopy()} tells which.
     *
     * @throws IllegalStateException when the folder has no feedback store yet
     */
    public static H2FeedbackStore openForReading(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(Schema.DATABASE_NAME + ".mv.db");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no feedback log in " + dir + " yet (nothing searched or imported there)");
        }
        try {
            return open(dir);
        } catch (DataFolderLock.FolderInUse | DataFolderLock.FolderNotWritable e) {
            Path copy;
            try {
                copy = Files.createTempDirectory("ltrr-read-");
                Files.copy(file, copy.resolve(file.getFileName()));
            } catch (IOException io) {
                throw new UncheckedIOException("cannot copy " + file + " to read it: " + io.getMessage(), io);
            }
            H2FeedbackStore store = open(copy);
            store.copy = true;
            store.afterClose = () -> deleteQuietly(copy);
            return store;
        }
    }

    /**
     * Sets a damaged feedback database aside so the folder can start an empty log: the file is renamed to
     * {@code feedback.mv.db.damaged-<time>} (the backup; nothing is deleted). Refused when the database opens
     * fine, so a working log is never reset by mistake.
     *
     * @return the backup
     * @throws IllegalStateException when there is no database, or it is not damaged
     */
    public static Path setAsideDamaged(Path dataDir, Clock clock) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(Schema.DATABASE_NAME + ".mv.db");
        if (!Files.exists(file)) {
            throw new IllegalStateException("--reset-store: there is no feedback store in " + dir + " to reset");
        }
        try {
            open(dir).close();
            throw new IllegalStateException("--reset-store: the feedback store " + file + " is not damaged; "
                    + "nothing was reset");
        } catch (DataFolderLock.FolderInUse e) {
            throw e;
        } catch (IllegalStateException | FeedbackStoreException damaged) {
            if (damaged.getMessage() != null && damaged.getMessage().startsWith("--reset-store")) {
                throw damaged;
            }
        }
        Path backup = dir.resolve(file.getFileName() + ".damaged-"
                + clock.instant().toString().replace(':', '-'));
        try {
            Files.move(file, backup);
            Files.deleteIfExists(dir.resolve(StoreDatabase.SEEN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set " + file + " aside: " + e.getMessage(), e);
        }
        return backup;
    }

    /** Whether this reads a copy of a folder in use or read-only ({@link #openForReading}). */
    public boolean isCopy() {
        return copy;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
