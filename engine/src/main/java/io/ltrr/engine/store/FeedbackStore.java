package io.ltrr.engine.store;

/**
 * A data folder's durable log of searches and feedback and the learned state built from it, by role. Every call
 * of a role is one transaction and returns after it committed; calls inside {@link #inTransaction} join one
 * transaction. Implementations are thread-safe.
 */
public interface FeedbackStore extends Transactions, AutoCloseable {
    SearchLog searchLog();

    FeedbackLog feedbackLog();

    LearnedState learnedState();

    FeatureLog featureLog();

    ClickMemory clickMemory();

    SessionLog sessions();

    ReformulationLog reformulations();

    ProfileStore profiles();

    Judgments judgments();

    QuerySets querySets();

    ImportedLogs importedLogs();

    LogReader logReader();

    /**
     * Whether the store answers now (a shared server may be down); reconnects a lost connection. Never throws for
     * an unreachable server: the answer says why.
     */
    StoreStatus status();

    /** Closes the database and releases the data folder. */
    @Override
    void close();
}
