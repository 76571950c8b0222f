package io.ltrr.engine.ubi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.store.LoggedClick;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.LoggedRound;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the workbench's own log as UBI 1.x NDJSON, one document a line: every search as a query (its search id as
 * {@code query_id} and {@code query_response_id}, the text as typed as {@code user_query}, the user as
 * {@code client_id}, the shown item ids in order as {@code query_response_hit_ids}; the normalized query, the policy
 * and the chosen arms in {@code query_attributes}), and every click and rating as an event on its search
 * ({@code action_name} {@value #CLICK} or {@value #RATING}; the item as {@code event_attributes.object} and its
 * 1-based position as {@code event_attributes.position.ordinal}; a rating's grade, 0..3 or null for "can't tell",
 * and its annotator in {@code event_attributes}, the annotator also as its {@code client_id}). Events are written
 * in time order, clicks before ratings at the same time.
 */
public final class UbiWriter {
    /** The application name the documents carry. */
    public static final String APPLICATION = "ltrr-workbench";
    /** The action of a click. */
    public static final String CLICK = "click";
    /** The action of a rating. */
    public static final String RATING = "rating";
    /** The field item ids are ({@code object_id_field}): the catalog's id. */
    public static final String ID_FIELD = "id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private UbiWriter() {
    }

    /** How many documents were written. */
    public record Written(int queries, int events) {
    }

    /** Writes the rounds as queries to {@code queries} and the clicks and ratings as events to {@code events}. */
    public static Written write(List<LoggedRound> rounds, List<LoggedClick> clicks, List<LoggedRating> ratings,
                                Writer queries, Writer events) throws IOException {
        Map<String, LoggedRound> byId = new HashMap<>();
        for (LoggedRound r : rounds) {
            byId.put(r.searchId(), r);
            line(queries, query(r));
        }
        List<Event> all = new ArrayList<>();
        for (LoggedClick c : clicks) {
            LoggedRound r = byId.get(c.searchId());
            all.add(new Event(c.at(), 0, click(c, r == null ? null : r.userId())));
        }
        for (LoggedRating r : ratings) {
            all.add(new Event(r.at(), 1, rating(r, positionOf(byId.get(r.searchId()), r.itemId()))));
        }
        all.sort(Comparator.comparing(Event::at).thenComparingInt(Event::kind));
        for (Event e : all) {
            line(events, e.doc());
        }
        return new Written(rounds.size(), all.size());
    }

    private record Event(Instant at, int kind, ObjectNode doc) {
    }

    private static ObjectNode query(LoggedRound r) {
        ObjectNode q = JSON.createObjectNode();
        q.put("application", APPLICATION);
        q.put("query_id", r.searchId());
        q.put("client_id", r.userId());
        q.put("user_query", r.query());
        q.put("timestamp", r.at().toString());
        q.put("object_id_field", ID_FIELD);
        q.put("query_response_id", r.searchId());
        ArrayNode hits = q.putArray("query_response_hit_ids");
        r.shown().stream().sorted(Comparator.comparingInt(LoggedRound.Shown::position))
                .forEach(s -> hits.add(s.itemId()));
        ObjectNode attributes = q.putObject("query_attributes");
        attributes.put("normalized_query", r.normalizedQuery());
        attributes.put("policy_id", r.policyId());
        ArrayNode arms = attributes.putArray("chosen_arms");
        r.chosen().forEach(arms::add);
        return q;
    }

    private static ObjectNode click(LoggedClick c, String user) {
        ObjectNode e = event(CLICK, c.searchId(), user, c.at());
        ObjectNode attributes = attributes(e, c.itemId(), c.position());
        attributes.put("click_id", c.clickId());
        return e;
    }

    private static ObjectNode rating(LoggedRating r, Integer position) {
        ObjectNode e = event(RATING, r.searchId(), r.annotator(), r.at());
        ObjectNode attributes = attributes(e, r.itemId(), position);
        if (r.grade() == null) {
            attributes.putNull("grade");
        } else {
            attributes.put("grade", r.grade());
        }
        attributes.put("cant_tell", r.grade() == null);
        attributes.put("annotator", r.annotator());
        attributes.put("rating_id", r.ratingId());
        return e;
    }

    private static ObjectNode event(String action, String queryId, String client, Instant at) {
        ObjectNode e = JSON.createObjectNode();
        e.put("application", APPLICATION);
        e.put("action_name", action);
        e.put("query_id", queryId);
        e.put("client_id", client);
        e.put("timestamp", at.toString());
        return e;
    }

    private static ObjectNode attributes(ObjectNode event, String itemId, Integer position) {
        ObjectNode attributes = event.putObject("event_attributes");
        ObjectNode object = attributes.putObject("object");
        object.put("object_id", itemId);
        object.put("object_id_field", ID_FIELD);
        if (position != null) {
            attributes.putObject("position").put("ordinal", position);
        }
        return attributes;
    }

    private static Integer positionOf(LoggedRound round, String itemId) {
        if (round == null) {
            return null;
        }
        return round.shown().stream().filter(s -> s.itemId().equals(itemId)).map(LoggedRound.Shown::position)
                .findFirst().orElse(null);
    }

    private static void line(Writer out, ObjectNode doc) throws IOException {
        out.write(JSON.writeValueAsString(doc));
        out.write('\n');
    }
}
