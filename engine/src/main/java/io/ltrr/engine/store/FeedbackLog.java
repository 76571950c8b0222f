package io.ltrr.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Clicks and ratings of logged searches with the semi-bandit rewards they gave. Click and rating ids ("c-&lt;n&gt;",
 * "r-&lt;n&gt;") come from one sequence, so they order all feedback by commit.
 */
public interface FeedbackLog {
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

    /** The clicks on one search, oldest first. */
    List<ClickEvent> clicksOf(String searchId);

    /** The ratings of one search, oldest first. */
    List<RatingEvent> ratingsOf(String searchId);

    /** The arm rewards one click or rating produced, in the order of S. */
    List<ArmReward> rewardsOf(String eventId);

    /** Number of recorded clicks. */
    long clickCount();

    /** Number of recorded ratings (can't-tell included). */
    long ratingCount();

    /**
     * Calls the consumer for every feedback event that produced rewards, in commit order (the events' own
     * rewards; the policies learn from the pulls, {@link #replayPulls}). The consumer runs inside the store's
     * transaction and must not call back into the store.
     */
    void replay(Consumer<FeedbackOutcome> consumer);

    /**
     * Like {@link #replay} for the feedback events committed after a log position's event only (the events a
     * policy snapshot has not seen).
     */
    void replayAfter(LogPosition seen, Consumer<FeedbackOutcome> consumer);

    /**
     * Closes the searches a new search of {@code userId} at {@code now} ends (ADR 0009): the user's open searches
     * and everybody's older than the rule's timeout, oldest first. Each becomes one pull — every chosen arm
     * rewarded with the best signal of the search for it, 0 without one — unless the rule does not count it.
     * Call it in the new search's transaction, before the new search is recorded.
     *
     * @return the pulls made, in close order: the {@code update} calls the live policy makes
     */
    List<SearchPull> closeSearches(String userId, Instant now, RewardRule rule);

    /** Whether the search was closed (its pull made, or found not to count). */
    boolean isClosed(String searchId);

    /**
     * Calls the consumer for every pull, in close order: exactly the {@code update} calls the live system made, so
     * a reset policy fed these pulls learns the same state. The consumer must not call back into the store.
     */
    void replayPulls(Consumer<SearchPull> consumer);

    /** Like {@link #replayPulls} for the pulls closed after a log position's event only. */
    void replayPullsAfter(LogPosition seen, Consumer<SearchPull> consumer);
}
