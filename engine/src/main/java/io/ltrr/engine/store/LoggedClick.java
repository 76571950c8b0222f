package io.ltrr.engine.store;

import java.time.Instant;

/**
 * A click with the query of its search, for exports.
 *
 * @param clickId         "c-&lt;n&gt;"
 * @param searchId        the clicked search
 * @param normalizedQuery that search's normalized query
 * @param itemId          the clicked item
 * @param position        its 1-based position
 * @param at              when
 */
public record LoggedClick(String clickId, String searchId, String normalizedQuery, String itemId, int position,
                          Instant at) {
}
