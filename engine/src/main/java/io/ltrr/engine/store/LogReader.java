package io.ltrr.engine.store;

import java.util.List;
import java.util.Map;

/**
 * Read-only bulk views of the log for off-line work (off-policy evaluation, exports, annotator agreement), each
 * read whole in one transaction, oldest first.
 */
public interface LogReader {
    /** Every logged round, oldest first. */
    List<LoggedRound> rounds();

    /** Every click, oldest first. */
    List<LoggedClick> clicks();

    /** Every rating, oldest first. */
    List<LoggedRating> ratings();

    /**
     * The ratings (can't-tell included) given to results of searches whose normalized query is
     * {@code normalizedQuery}, oldest first: what annotators said earlier when a query comes again.
     */
    List<LoggedRating> ratingsOf(String normalizedQuery);

    /** How many searches, clicks and ratings the log holds, read together: keys searches, clicks, ratings. */
    Map<String, Long> counts();
}
