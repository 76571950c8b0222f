package io.ltrr.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What someone said earlier about an item for a query: an annotator's rating in the log, or an imported judgment.
 *
 * @param itemId   the judged item
 * @param grade    0..3, or null for "can't tell"
 * @param who      the annotator, or for an imported judgment the source it was imported as
 * @param imported true for an imported judgment (no search, no time), false for a rating in the log
 * @param searchId the rated search ("s-…"), null for an imported judgment
 * @param at       when it was rated, null for an imported judgment
 */
public record EarlierJudgment(String itemId, Integer grade, String who, boolean imported, String searchId,
                              Instant at) {
    public EarlierJudgment {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(who, "who");
        if (imported != (searchId == null)) {
            throw new IllegalArgumentException("searchId must be given exactly for ratings from the log");
        }
    }
}
