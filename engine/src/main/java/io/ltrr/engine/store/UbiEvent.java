package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of an imported UBI (User Behavior Insights 1.x) log: an action a user took, usually on a result of a
 * query.
 *
 * @param actionName     {@code action_name} ({@code click}, {@code impression}, {@code add_to_cart}, …)
 * @param queryId        {@code query_id} of the query it followed, or null
 * @param clientId       {@code client_id}, or null
 * @param timestamp      {@code timestamp}
 * @param objectId       {@code event_attributes.object.object_id}, or null
 * @param objectIdField  {@code event_attributes.object.object_id_field}, or null
 * @param position       {@code event_attributes.position.ordinal}: the 1-based position of the object on the result
 *                       page, or null
 * @param attributesJson {@code event_attributes} as compact JSON, or null
 */
public record UbiEvent(String actionName, String queryId, String clientId, Instant timestamp, String objectId,
                       String objectIdField, Integer position, String attributesJson) {
    /** @throws IllegalArgumentException naming the field that is missing, blank, over its limit or out of range */
    public UbiEvent {
        Values.requireText(actionName, "action_name");
        Objects.requireNonNull(timestamp, "timestamp");
        UbiQuery.limit(actionName, UbiQuery.MAX_ID_CHARS, "action_name");
        UbiQuery.limit(queryId, UbiQuery.MAX_ID_CHARS, "query_id");
        UbiQuery.limit(clientId, UbiQuery.MAX_ID_CHARS, "client_id");
        UbiQuery.limit(objectId, UbiQuery.MAX_ITEM_CHARS, "object_id");
        UbiQuery.limit(objectIdField, UbiQuery.MAX_ID_CHARS, "object_id_field");
        UbiQuery.limit(attributesJson, UbiQuery.MAX_ATTRIBUTES_CHARS, "event_attributes");
        if (position != null && position < 1) {
            throw new IllegalArgumentException("position ordinal " + position + " is not a 1-based position");
        }
    }
}
