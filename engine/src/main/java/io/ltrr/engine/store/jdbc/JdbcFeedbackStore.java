package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ClickMemory;
import io.ltrr.engine.store.FeatureLog;
import io.ltrr.engine.store.FeedbackLog;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.ImportedLogs;
import io.ltrr.engine.store.Judgments;
import io.ltrr.engine.store.LearnedState;
import io.ltrr.engine.store.LogReader;
import io.ltrr.engine.store.ProfileStore;
import io.ltrr.engine.store.QuerySets;
import io.ltrr.engine.store.ReformulationLog;
import io.ltrr.engine.store.SearchLog;
import io.ltrr.engine.store.SessionLog;
import io.ltrr.engine.store.StoreStatus;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The feedback store's roles over one {@link StoreDatabase}: one connection, one transaction owner, so the writes
 * of a search or a feedback commit together. The same classes serve H2 and PostgreSQL; {@link Dialect} holds what
 * differs.
 */
abstract sealed class JdbcFeedbackStore implements FeedbackStore permits H2FeedbackStore, PostgresFeedbackStore {
    final StoreDatabase db;
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
    private final ImportedLogs importedLogs;
    private final LogReader logReader;
    JdbcFeedbackStore(StoreDatabase db, FeedbackStoreConfig config, Clock clock) {
        this.db = db;
        this.searchLog = new H2SearchLog(db);
        this.feedbackLog = new H2FeedbackLog(db);
        this.learnedState = new H2LearnedState(db, new StateTables(db.dialect(), config.historyToKeep()), clock);
        this.featureLog = new H2FeatureLog(db, clock);
        this.clickMemory = new H2ClickMemory(db, new Q2eTable(db.dialect(), config.q2eAlpha()), clock);
        this.sessions = new H2Sessions(db);
        this.reformulations = new H2ReformulationLog(db);
        this.profiles = new H2ProfileStore(db, clock);
        this.judgments = new H2Judgments(db);
        this.querySets = new H2QuerySets(db, clock);
        this.importedLogs = new H2ImportedLogs(db, clock);
        this.logReader = new H2LogReader(db);
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
    public ImportedLogs importedLogs() {
        return importedLogs;
    }

    @Override
    public LogReader logReader() {
        return logReader;
    }

    @Override
    public StoreStatus status() {
        return db.status();
    }

    /** Work on the store's connection inside its current transaction (or as one); for this package's tests. */
    <T> T inTransaction(StoreDatabase.SqlWork<T> work) {
        return db.sql(work);
    }

    @Override
    public void close() {
        db.close();
    }
}
