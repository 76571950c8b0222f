package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored click.
 *
 * @param clickId  "c-&lt;n&gt;"
 * @param searchId the search whose result list was clicked
 * @param itemId   the clicked item
 * @param position its 1-based position on that list
 * @param at       when it was clicked
 */
public record ClickEvent(String clickId, String searchId, String itemId, int position, Instant at) {
    public ClickEvent {
        Values.requireText(clickId, "clickId");
        Values.requireText(searchId, "searchId");
        Values.requireText(itemId, "itemId");
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Objects.requireNonNull(at, "at");
    }
}
