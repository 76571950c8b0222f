package io.ltrr.engine.store.h2;

import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.store.ClickMemory;
import io.ltrr.engine.store.FeatureLog;
import io.ltrr.engine.store.FeedbackLog;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.LearnedState;
import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.ProfileStore;
import io.ltrr.engine.store.QuerySets;
import io.ltrr.engine.store.ReformulationLog;
import io.ltrr.engine.store.SearchLog;
import io.ltrr.engine.store.SessionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The feedback store as an embedded H2 file database, {@code <data>/feedback.mv.db}, with the schema kept by
 * Flyway migrations (db/migration). Every role works through one {@link H2Database}: one connection, one
 * transaction owner, so the writes of a search or a feedback commit together.
 *
 * <p>The data folder is locked while the store is open ({@code workbench.lock}); a second open, from this or
 * another process, fails with an {@link IllegalStateException}.
 */
public final class H2FeedbackStore implements FeedbackStore {
    private final H2Database db;
    private final SearchLog searchLog;
    private final FeedbackLog feedbackLog;
    private final LearnedState learnedState;
    private final FeatureLog featureLog;
    private final ClickMemory clickMemory;
    private final SessionLog sessions;
    private final ReformulationLog reformulations;
    private final ProfileStore profiles;
    private final Judgments judgments;
    private final QuerySets querySets;
    private final LogReader logReader;
    private boolean copy;
    private Runnable afterClose = () -> { };

    private H2FeedbackStore(H2Database db, FeedbackStoreConfig config, Clock clock) {
        this.db = db;
        this.searchLog = new H2SearchLog(db);
        this.feedbackLog = new H2FeedbackLog(db);
        this.learnedState = new H2LearnedState(db, new StateTables(config.historyToKeep()), clock);
        this.featureLog = new H2FeatureLog(db, clock);
        this.clickMemory = new H2ClickMemory(db, new Q2eTable(config.q2eAlpha()), clock);
        this.sessions = new H2Sessions(db);
        this.reformulations = new H2ReformulationLog(db);
        this.profiles = new H2ProfileStore(db, clock);
        this.judgments = new H2Judgments(db);
        this.querySets = new H2QuerySets(db, clock);
        this.logReader = new H2LogReader(db);
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
        return new H2FeedbackStore(H2Database.open(dir, decorator, fileSystem), config, clock);
    }

    /** The data folder this store lives in. */
    public Path dataDir() {
        return db.dataDir();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(work);
    }

    @Override
    public SearchLog searchLog() {
        return searchLog;
    }

    @Override
    public FeedbackLog feedbackLog() {
        return feedbackLog;
    }

    @Override
    public LearnedState learnedState() {
        return learnedState;
    }

    @Override
    public FeatureLog featureLog() {
        return featureLog;
    }

    @Override
    public ClickMemory clickMemory() {
        return clickMemory;
    }

    @Override
    public SessionLog sessions() {
        return sessions;
    }

    @Override
    public ReformulationLog reformulations() {
        return reformulations;
    }

    @Override
    public ProfileStore profiles() {
        return profiles;
    }

    @Override
    public Judgments judgments() {
        return judgments;
    }

    @Override
    public QuerySets querySets() {
        return querySets;
    }

    @Override
    public LogReader logReader() {
        return logReader;
    }

    /** Work on the store's connection inside its current transaction (or as one); for this package's tests. */
    <T> T inTransaction(H2Database.SqlWork<T> work) {
        return db.sql(work);
    }

    @Override
    public void close() {
        try {
            db.close();
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
            Files.deleteIfExists(dir.resolve(H2Database.SEEN_FILE));
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
