package io.ltrr.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One query of an imported UBI (User Behavior Insights 1.x) log: what was searched and the ids shown for it.
 *
 * @param queryId        {@code query_id}, unique within its log
 * @param userQuery      {@code user_query}, the text as the user entered it (may be empty)
 * @param clientId       {@code client_id}, or null
 * @param timestamp      {@code timestamp}, or null when the record has none
 * @param responseId     {@code query_response_id}, or null
 * @param attributesJson {@code query_attributes} as compact JSON, or null
 * @param hitIds         {@code query_response_hit_ids}: the ids shown, in order (position 1 first)
 */
public record UbiQuery(String queryId, String userQuery, String clientId, Instant timestamp, String responseId,
                       String attributesJson, List<String> hitIds) {
    /** Longest query id, client id or response id the store keeps. */
    public static final int MAX_ID_CHARS = 256;
    /** Longest query text the store keeps (as {@link Judgment#MAX_QUERY_CHARS}). */
    public static final int MAX_QUERY_CHARS = Judgment.MAX_QUERY_CHARS;
    /** Longest item id the store keeps (as a shown item's). */
    public static final int MAX_ITEM_CHARS = Judgment.MAX_ITEM_CHARS;
    /** Longest attributes JSON the store keeps. */
    public static final int MAX_ATTRIBUTES_CHARS = 65_536;
    /** Most hit ids of one query the store keeps. */
    public static final int MAX_HITS = 10_000;

    /** @throws IllegalArgumentException naming the field that is missing, blank or over its limit */
    public UbiQuery {
        Values.requireText(queryId, "query_id");
        Objects.requireNonNull(userQuery, "user_query");
        hitIds = List.copyOf(hitIds);
        limit(queryId, MAX_ID_CHARS, "query_id");
        limit(userQuery, MAX_QUERY_CHARS, "user_query");
        limit(clientId, MAX_ID_CHARS, "client_id");
        limit(responseId, MAX_ID_CHARS, "query_response_id");
        limit(attributesJson, MAX_ATTRIBUTES_CHARS, "query_attributes");
        if (hitIds.size() > MAX_HITS) {
            throw new IllegalArgumentException("query_response_hit_ids has " + hitIds.size() + " ids (at most "
                    + MAX_HITS + ")");
        }
        for (String id : hitIds) {
            Values.requireText(id, "query_response_hit_ids[]");
            limit(id, MAX_ITEM_CHARS, "a hit id");
        }
    }

    /** Refuses a text over {@code max} characters, naming its field; null passes. */
    static void limit(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long (at most " + max
                    + ")");
        }
    }
}
