package io.ltrr.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One detected reformulation: a search without a click followed, in the same session and within the
 * detector's window, by a related search.
 *
 * @param sessionId    the session both searches belong to
 * @param userId       who searched
 * @param fromSearchId the failed search ("s-&lt;n&gt;")
 * @param toSearchId   the later search ("s-&lt;n&gt;")
 * @param fromQuery    normalized text of the failed search
 * @param toQuery      normalized text of the later search
 * @param relation     why the two count as related (e.g. "typo", "added-terms", "overlap")
 * @param gap          time between the two searches
 * @param succeeded    whether the later search got a click (so far)
 * @param at           when the later search ran
 */
public record Reformulation(String sessionId, String userId, String fromSearchId, String toSearchId,
                            String fromQuery, String toQuery, String relation, Duration gap, boolean succeeded,
                            Instant at) {
    public Reformulation {
        Values.requireText(sessionId, "sessionId");
        Values.requireText(userId, "userId");
        SearchIds.parse(fromSearchId);
        SearchIds.parse(toSearchId);
        Values.requireText(fromQuery, "fromQuery");
        Values.requireText(toQuery, "toQuery");
        Values.requireText(relation, "relation");
        if (gap == null || gap.isNegative()) {
            throw new IllegalArgumentException("gap must be >= 0, was " + gap);
        }
        Objects.requireNonNull(at, "at");
    }
}
