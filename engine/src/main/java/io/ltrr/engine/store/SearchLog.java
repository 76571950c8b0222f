package io.ltrr.engine.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The logged searches. Ids are "s-&lt;n&gt;" from a sequence that never hands a number out twice.
 */
public interface SearchLog {
    /** Reserves a new search id ("s-&lt;n&gt;"); the impression is written with {@link #recordImpression}. */
    String newSearchId();

    /**
     * Writes one search with its selection and shown list.
     *
     * @throws IllegalArgumentException when the search id is already recorded
     */
    void recordImpression(Impression impression);

    /** The search as it was recorded, or empty for an unknown (or malformed) id. */
    Optional<Impression> impression(String searchId);

    /**
     * Every search whose logged context has the key {@code contextKey}, oldest first, with the positions clicked:
     * what an online comparison that tags its searches' context reads back.
     *
     * @throws IllegalArgumentException for a key with characters a pattern would read as wildcards ({@code % _ \})
     */
    List<TaggedSearch> searchesWithContext(String contextKey);

    /** Number of recorded searches. */
    long count();

    /** The last n events of any kind, newest first. */
    default List<LogEvent> recent(int n) {
        return recent(n, null, null);
    }

    /**
     * The last n events of any kind (searches, clicks, ratings), newest first.
     *
     * @param kind only this kind, or null for all
     * @param text only events whose query or item id contains this text (case-insensitive), or null for all
     */
    List<LogEvent> recent(int n, LogEvent.Kind kind, String text);

    /**
     * The round of the newest search a policy made after a log position's search, if it made any: the policy's
     * round counter had then reached that round + 1.
     */
    OptionalLong lastRoundAfter(String policyId, LogPosition seen);
}
