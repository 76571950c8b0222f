package io.ltrr.engine.store;

import java.util.Map;
import java.util.Optional;

/** What the policies and rankers learned: versioned snapshots, stamped with the log position they had seen. */
public interface LearnedState {
    /**
     * Saves a policy snapshot, stamped with the current log position (see {@link #latestPolicyPosition}); older
     * snapshots beyond the configured history are dropped.
     */
    void savePolicyState(String policyId, long round, String json);

    /** The most recently saved snapshot of a policy. */
    Optional<PolicySnapshot> latestPolicyState(String policyId);

    /**
     * The log position the latest snapshot of a policy had seen when it was saved: searches and feedback after
     * it are missing from that snapshot. Empty without a snapshot, or for a snapshot from an older schema.
     */
    Optional<LogPosition> latestPolicyPosition(String policyId);

    /** Saves a ranker model as the ranker's next version and returns that version. */
    long saveRankerState(String rankerId, String json);

    /** The most recently saved model of a ranker. */
    Optional<RankerSnapshot> latestRankerState(String rankerId);

    /**
     * The newest saved version of every ranker that has a model (without the models): a workbench compares it with
     * the versions it holds to notice models that another workbench sharing the store saved since.
     */
    Map<String, Long> latestRankerVersions();

    /** A saved model version of a ranker, while the store still keeps it (the latest few are kept). */
    Optional<RankerSnapshot> rankerState(String rankerId, long version);

    /**
     * Forgets what was learned: deletes policy snapshots and ranker models. The log (searches, feedback, arm
     * rewards), sessions and the Q2E memory stay, so learning can be replayed from the log.
     */
    void resetLearning();
}
