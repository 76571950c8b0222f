package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged search as the reformulation detector sees it.
 *
 * @param searchId        "s-&lt;n&gt;"
 * @param sessionId       its session
 * @param userId          who searched
 * @param at              when it ran
 * @param normalizedQuery its normalized text
 * @param clicks          clicks it got so far
 */
public record SessionSearch(String searchId, String sessionId, String userId, Instant at, String normalizedQuery,
                            long clicks) {
    public SessionSearch {
        Objects.requireNonNull(searchId, "searchId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(normalizedQuery, "normalizedQuery");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks must be >= 0, was " + clicks);
        }
    }
}
