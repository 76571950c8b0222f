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

    /** How many searches, clicks and ratings the log holds, read together: keys searches, clicks, ratings. */
    Map<String, Long> counts();
}
