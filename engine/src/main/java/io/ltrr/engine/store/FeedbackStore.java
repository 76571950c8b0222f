package io.ltrr.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The durable log of searches and feedback, plus the learned state built from it (policy snapshots, ranker
 * models, Q2E memory). Every write is one transaction and returns after it committed. Implementations are
 * thread-safe.
 *
 * <p>Ids are strings: searches "s-&lt;n&gt;", clicks "c-&lt;n&gt;", ratings "r-&lt;n&gt;", sessions
 * "ses-&lt;n&gt;". Click and rating numbers come from one sequence, so they order all feedback by commit.
 */
public interface FeedbackStore extends AutoCloseable {

    /** Reserves a new search id ("s-&lt;n&gt;"); the impression is written later with {@link #recordImpression}. */
    String newSearchId();

    /**
     * Writes one search with its selection and shown list.
     *
     * @throws IllegalArgumentException when the search id is already recorded
     */
    void recordImpression(Impression impression);

    /**
     * Stores a click on a shown item and the semi-bandit rewards: every chosen arm whose candidates held the
     * item gets 1, every other chosen arm 0, arms not chosen nothing.
     *
     * @throws IllegalArgumentException for an unknown search id or an item not shown in that search; nothing is
     *                                  written then
     */
    FeedbackOutcome recordClick(String searchId, String itemId, Instant at);

    /**
     * Stores a rating of a shown item; a grade g gives every chosen arm that held the item g/3, every other
     * chosen arm 0. A can't-tell rating (grade null) is stored and rewards nothing.
     *
     * @param grade 0..3, or null for can't tell
     * @throws IllegalArgumentException for a grade outside 0..3, an unknown search id or an item not shown in
     *                                  that search; nothing is written then
     */
    FeedbackOutcome recordRating(String searchId, String itemId, Integer grade, String annotator, Instant at);

    /** The search as it was recorded, or empty for an unknown (or malformed) id. */
    Optional<Impression> impression(String searchId);

    /** The clicks on one search, oldest first. */
    List<ClickEvent> clicksOf(String searchId);

    /** The ratings of one search, oldest first. */
    List<RatingEvent> ratingsOf(String searchId);

    /** The arm rewards one click or rating produced, in the order of S. */
    List<ArmReward> rewardsOf(String eventId);

    /** The last n events of any kind, newest first. */
    default List<LogEvent> recent(int n) {
        return recent(n, null, null);
    }

    /**
     * The last n events, newest first.
     *
     * @param kind only this kind, or null for all
     * @param text only events whose query or item id contains this text (case-insensitive), or null for all
     */
    List<LogEvent> recent(int n, LogEvent.Kind kind, String text);

    /** Number of recorded searches. */
    long searches();

    /** Number of recorded clicks. */
    long clicks();

    /** Number of recorded ratings (can't-tell included). */
    long ratings();

    /**
     * Calls the consumer for every feedback event that produced rewards, in commit order: exactly the
     * {@code update} calls the live system made, so a reset policy fed these outcomes learns the same state.
     * The consumer runs while the store is locked and must not call back into the store.
     */
    void replay(Consumer<FeedbackOutcome> consumer);

    /**
     * Like {@link #replay} for the feedback events committed after a log position's event only (crash recovery:
     * the events a policy snapshot has not seen).
     */
    void replayAfter(LogPosition seen, Consumer<FeedbackOutcome> consumer);

    /**
     * The round of the newest search a policy made after a log position's search, if it made any: the policy's
     * round counter had then reached that round + 1.
     */
    OptionalLong lastRoundAfter(String policyId, LogPosition seen);

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
     * Logs the ranker features of shown items of a recorded search (the names are stored once per feature set).
     *
     * @param rows shown item id → values in the order of {@code names}
     * @return the feature set's id
     * @throws IllegalArgumentException for an item not shown in that search or a row of the wrong length
     */
    String recordFeatures(String searchId, List<String> names, Map<String, double[]> rows);

    /**
     * Calls the consumer for every logged feature row with its feedback, by search then position; only the rows
     * of one search when {@code searchId} is given. The consumer must not call back into the store.
     */
    void forEachLoggedFeatures(String searchId, Consumer<LoggedFeatures> consumer);

    /**
     * Forgets what was learned: deletes policy snapshots and ranker models. The log (searches, feedback, arm
     * rewards), sessions and the Q2E memory stay, so learning can be replayed from the log.
     */
    void resetLearning();

    /** Sets the predicted score of many query → item pairs (inserting new pairs), keeping observed counts. */
    void q2eUpsertPredicted(List<Q2ePrediction> predictions);

    /**
     * Adds observed impressions and clicks for a query; pairs not yet in memory are added with prediction 0.
     *
     * @param impressions item id → impressions to add (≥ 0)
     * @param clicks      item id → clicks to add (≥ 0)
     */
    void q2eObserve(String normalizedQuery, Map<String, Long> impressions, Map<String, Long> clicks);

    /** The best items remembered for a query by smoothed score (ties by item id), at most limit. */
    List<Q2eEntry> q2eLookup(String normalizedQuery, int limit);

    /** Whether the memory has any item for the query. */
    boolean q2eHasQuery(String normalizedQuery);

    /**
     * The session of a user at a time: the user's latest session when its last activity is at most the gap
     * before {@code at} (that session's last activity moves to {@code at}), otherwise a new session.
     */
    String sessionFor(String userId, Instant at, Duration inactivityGap);

    /** Closes the database and releases the data folder. */
    @Override
    void close();
}
