package io.ltrr.engine.store;

import java.time.Instant;

/**
 * A rating with the query it was given for, as the agreement and judgment exports read it.
 *
 * @param ratingId        "r-&lt;n&gt;"
 * @param searchId        the rated search
 * @param normalizedQuery that search's normalized query
 * @param itemId          the rated item
 * @param grade           0..3, or null for can't tell
 * @param annotator       who rated
 * @param at              when
 */
public record LoggedRating(String ratingId, String searchId, String normalizedQuery, String itemId, Integer grade,
                           String annotator, Instant at) {
}
