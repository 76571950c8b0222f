package io.ltrr.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.h2.api.ErrorCode;

/**
 * The feedback store as an embedded H2 file database, {@code <data>/feedback.mv.db}, with the schema kept by
 * Flyway migrations (db/migration). One connection serves all calls; the store's monitor serializes them, which
 * is what an embedded database does internally anyway, and keeps every operation one transaction.
 *
 * <p>The data folder is locked while the store is open ({@code workbench.lock}); a second open, from this or
 * another process, fails with an {@link IllegalStateException}.
 */
public final class H2FeedbackStore implements FeedbackStore {
    private final Path dataDir;
    private final DataFolderLock lock;
    private final Connection connection;
    private final Clock clock;
    private final Q2eTable q2e;
    private final StateTables state;
    private boolean closed;

    private H2FeedbackStore(Path dataDir, DataFolderLock lock, Connection connection, FeedbackStoreConfig config,
                            Clock clock) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.connection = connection;
        this.clock = clock;
        this.q2e = new Q2eTable(config.q2eAlpha());
        this.state = new StateTables(config.historyToKeep());
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
        return open(dataDir, config, Clock.systemUTC());
    }

    /** With a clock for the times the store stamps itself (snapshots, Q2E updates). */
    static H2FeedbackStore open(Path dataDir, FeedbackStoreConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dir, e);
        }
        DataFolderLock lock = DataFolderLock.acquire(dir);
        try {
            return new H2FeedbackStore(dir, lock, Schema.openMigrated(dir), config, clock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The data folder this store lives in. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String newSearchId() {
        return inTransaction(c -> SearchIds.format(Jdbc.nextValue(c, "search_seq")));
    }

    @Override
    public void recordImpression(Impression impression) {
        Objects.requireNonNull(impression, "impression");
        inTransaction(c -> {
            try {
                ImpressionTable.insert(c, impression);
            } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                    throw new IllegalArgumentException("search id " + impression.searchId() + " is already recorded", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public FeedbackOutcome recordClick(String searchId, String itemId, Instant at) {
        return inTransaction(c -> FeedbackWriter.click(c, searchId, itemId, at));
    }

    @Override
    public FeedbackOutcome recordRating(String searchId, String itemId, Integer grade, String annotator, Instant at) {
        return inTransaction(c -> FeedbackWriter.rating(c, searchId, itemId, grade, annotator, at));
    }

    @Override
    public Optional<Impression> impression(String searchId) {
        Optional<Long> id = parseQuietly(searchId);
        return id.isEmpty() ? Optional.empty() : inTransaction(c -> ImpressionTable.find(c, id.get()));
    }

    @Override
    public List<ClickEvent> clicksOf(String searchId) {
        long id = SearchIds.parse(searchId);
        return inTransaction(c -> EventLog.clicksOf(c, id));
    }

    @Override
    public List<RatingEvent> ratingsOf(String searchId) {
        long id = SearchIds.parse(searchId);
        return inTransaction(c -> EventLog.ratingsOf(c, id));
    }

    @Override
    public List<ArmReward> rewardsOf(String eventId) {
        return inTransaction(c -> EventLog.rewardsOf(c, eventId));
    }

    @Override
    public List<LogEvent> recent(int n, LogEvent.Kind kind, String text) {
        return inTransaction(c -> EventLog.recent(c, n, kind, text));
    }

    @Override
    public long searches() {
        return inTransaction(c -> Jdbc.count(c, "SELECT COUNT(*) FROM searches"));
    }

    @Override
    public long clicks() {
        return inTransaction(c -> Jdbc.count(c, "SELECT COUNT(*) FROM clicks"));
    }

    @Override
    public long ratings() {
        return inTransaction(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ratings"));
    }

    @Override
    public void replay(Consumer<FeedbackOutcome> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        inTransaction(c -> {
            EventLog.replay(c, consumer);
            return null;
        });
    }

    @Override
    public void replayAfter(LogPosition seen, Consumer<FeedbackOutcome> consumer) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(consumer, "consumer");
        inTransaction(c -> {
            EventLog.replayAfter(c, seen.eventId(), consumer);
            return null;
        });
    }

    @Override
    public OptionalLong lastRoundAfter(String policyId, LogPosition seen) {
        Objects.requireNonNull(seen, "seen");
        return inTransaction(c -> EventLog.lastRoundAfter(c, policyId, seen.searchId()));
    }

    @Override
    public Optional<LogPosition> latestPolicyPosition(String policyId) {
        return inTransaction(c -> state.latestPolicyPosition(c, policyId));
    }

    @Override
    public void savePolicyState(String policyId, long round, String json) {
        inTransaction(c -> {
            state.savePolicy(c, policyId, round, json, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<PolicySnapshot> latestPolicyState(String policyId) {
        return inTransaction(c -> state.latestPolicy(c, policyId));
    }

    @Override
    public long saveRankerState(String rankerId, String json) {
        return inTransaction(c -> state.saveRanker(c, rankerId, json, clock.instant()));
    }

    @Override
    public Optional<RankerSnapshot> latestRankerState(String rankerId) {
        return inTransaction(c -> state.latestRanker(c, rankerId));
    }

    @Override
    public String recordFeatures(String searchId, List<String> names, Map<String, double[]> rows) {
        long id = SearchIds.parse(searchId);
        List<String> copy = List.copyOf(names);
        Map<String, double[]> rowsCopy = new java.util.LinkedHashMap<>(rows);
        return inTransaction(c -> {
            try {
                return FeatureTable.record(c, id, copy, rowsCopy, clock.instant());
            } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
                    throw new IllegalArgumentException("features name an item not shown in search " + searchId, e);
                }
                throw e;
            }
        });
    }

    @Override
    public void forEachLoggedFeatures(String searchId, Consumer<LoggedFeatures> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        Long id = searchId == null ? null : SearchIds.parse(searchId);
        inTransaction(c -> {
            FeatureTable.forEach(c, id, consumer);
            return null;
        });
    }

    @Override
    public void resetLearning() {
        inTransaction(c -> {
            StateTables.clear(c);
            return null;
        });
    }

    @Override
    public void q2eUpsertPredicted(List<Q2ePrediction> predictions) {
        List<Q2ePrediction> rows = List.copyOf(predictions);
        inTransaction(c -> {
            q2e.upsertPredicted(c, rows, clock.instant());
            return null;
        });
    }

    @Override
    public void q2eObserve(String normalizedQuery, Map<String, Long> impressions, Map<String, Long> clicks) {
        Objects.requireNonNull(impressions, "impressions");
        Objects.requireNonNull(clicks, "clicks");
        inTransaction(c -> {
            q2e.observe(c, normalizedQuery, impressions, clicks, clock.instant());
            return null;
        });
    }

    @Override
    public List<Q2eEntry> q2eLookup(String normalizedQuery, int limit) {
        return inTransaction(c -> q2e.lookup(c, normalizedQuery, limit));
    }

    @Override
    public boolean q2eHasQuery(String normalizedQuery) {
        return inTransaction(c -> q2e.hasQuery(c, normalizedQuery));
    }

    @Override
    public String sessionFor(String userId, Instant at, Duration inactivityGap) {
        return inTransaction(c -> SessionTable.sessionFor(c, userId, at, inactivityGap));
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

    private static Optional<Long> parseQuietly(String searchId) {
        try {
            return Optional.of(SearchIds.parse(searchId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Work on the store's connection that may fail with SQL errors. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work as one transaction: committed when it returns, rolled back when it throws. Package-private
     * so that the store package's readers (LogReader, JudgmentTable) share the connection and its monitor.
     */
    synchronized <T> T inTransaction(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the feedback store of " + dataDir + " is closed");
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
}
