package io.ltrr.engine.ubi;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One UBI query or event document as the store's record, or the reason it cannot be one
 * ({@link IllegalArgumentException} with a message naming the field).
 *
 * <p>What is read: ids may be strings or integers (the schemas allow both for object ids); a timestamp is ISO 8601
 * with a zone offset or {@code Z}, or without one (read as UTC, as the schemas' examples allow), or epoch
 * milliseconds; a document exported from an OpenSearch index as {@code {"_index":…, "_source":{…}}} is read from
 * its {@code _source}. An event's position is {@code event_attributes.position.ordinal}, 1-based (the n-th result on
 * the page); the older forms {@code position.index} and {@code position.ordinal.index} are read the same way.
 */
final class UbiRecords {
    private UbiRecords() {
    }

    /** A query document: {@code query_id} and {@code user_query} required, the rest optional. */
    static UbiQuery query(JsonNode doc) {
        JsonNode d = unwrap(doc, "query_id");
        String queryId = id(d, "query_id");
        if (queryId == null) {
            throw new IllegalArgumentException("no query_id");
        }
        JsonNode userQuery = d.get("user_query");
        if (userQuery == null || userQuery.isNull()) {
            throw new IllegalArgumentException("no user_query");
        }
        if (!userQuery.isTextual()) {
            throw new IllegalArgumentException("user_query is not a string");
        }
        return new UbiQuery(queryId, userQuery.asText(), id(d, "client_id"), timestamp(d, false),
                id(d, "query_response_id"), object(d, "query_attributes"), hitIds(d));
    }

    /**
     * An event document: {@code action_name} and {@code timestamp} required (as the schema says), the rest
     * optional.
     */
    static UbiEvent event(JsonNode doc) {
        JsonNode d = unwrap(doc, "action_name");
        JsonNode action = d.get("action_name");
        if (action == null || action.isNull()) {
            throw new IllegalArgumentException("no action_name");
        }
        if (!action.isTextual()) {
            throw new IllegalArgumentException("action_name is not a string");
        }
        String objectId = null;
        String objectIdField = null;
        Integer position = null;
        JsonNode attributes = d.get("event_attributes");
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw new IllegalArgumentException("event_attributes is not an object");
            }
            JsonNode object = attributes.get("object");
            if (object != null && !object.isNull()) {
                if (!object.isObject()) {
                    throw new IllegalArgumentException("event_attributes.object is not an object");
                }
                objectId = id(object, "object_id");
                objectIdField = id(object, "object_id_field");
            }
            position = position(attributes.get("position"));
        }
        return new UbiEvent(action.asText(), id(d, "query_id"), id(d, "client_id"), timestamp(d, true), objectId,
                objectIdField, position, object(d, "event_attributes"));
    }

    /** The {@code _source} of an OpenSearch hit, when the document is one; else the document. */
    private static JsonNode unwrap(JsonNode doc, String field) {
        JsonNode source = doc.get("_source");
        return !doc.has(field) && source != null && source.isObject() ? source : doc;
    }

    /** A string or integer field as text; null when absent or null. */
    private static String id(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        throw new IllegalArgumentException(field + " is not a string or an integer");
    }

    private static Instant timestamp(JsonNode d, boolean required) {
        JsonNode v = d.get("timestamp");
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("no timestamp");
            }
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("timestamp is not a string or epoch milliseconds");
        }
        String text = v.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp '" + text + "' is not an ISO 8601 date and time", e);
            }
        }
    }

    /** An object field as compact JSON; null when absent or null. */
    private static String object(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(field + " is not an object");
        }
        return v.toString();
    }

    private static List<String> hitIds(JsonNode d) {
        JsonNode v = d.get("query_response_hit_ids");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("query_response_hit_ids is not an array");
        }
        List<String> ids = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (e.isTextual() && !e.asText().isBlank()) {
                ids.add(e.asText());
            } else if (e.isIntegralNumber()) {
                ids.add(e.bigIntegerValue().toString());
            } else {
                throw new IllegalArgumentException("query_response_hit_ids[" + ids.size() + "] is not an id "
                        + "(a non-blank string or an integer)");
            }
        }
        return ids;
    }

    /** {@code position.ordinal} (or an older form), null when the event has no position. */
    private static Integer position(JsonNode position) {
        if (position == null || position.isNull()) {
            return null;
        }
        if (!position.isObject()) {
            throw new IllegalArgumentException("event_attributes.position is not an object");
        }
        JsonNode ordinal = position.get("ordinal");
        if (ordinal != null && ordinal.isObject()) {
            return integer(ordinal.get("index"), "position.ordinal.index");
        }
        if (ordinal != null && !ordinal.isNull()) {
            return integer(ordinal, "position.ordinal");
        }
        return integer(position.get("index"), "position.index");
    }

    private static Integer integer(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asText().strip());
        }
        throw new IllegalArgumentException(field + " is not an integer");
    }
}
