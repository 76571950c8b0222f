package io.ltrr.engine.clicks;

import io.ltrr.engine.qu.QueryNormalizer;
import io.ltrr.engine.store.UbiEvent;
import io.ltrr.engine.store.UbiLog;
import io.ltrr.engine.store.UbiQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Click sessions of an imported UBI log: every query is one session (its {@code query_id}, its {@code user_query}
 * normalized as the workbench normalizes its own queries, its {@code query_response_hit_ids} as the shown list), and
 * its click events ({@code action_name} {@code click} or {@code click_through}, any case) are the clicks.
 *
 * <p>Where a click lands: when its object id is in the shown list, at that id (at the event's ordinal if the same id
 * is there, else at its first position); otherwise at its {@code position.ordinal} when that is within the shown
 * list (the hit ids and object ids may name different id fields); otherwise nowhere, and it is counted as unplaced.
 * Repeated clicks on one position count once, as in the workbench's own log.
 *
 * @param sessions      one per query, in the log's order
 * @param clicks        click events on a query of the log
 * @param unplaced      of those, the ones that could not be put on a shown position
 * @param unknownQuery  click events whose query id is missing or not a query of the log
 */
public record UbiClickSessions(List<ClickSession> sessions, int clicks, int unplaced, int unknownQuery) {
    /** The actions that count as clicks (lower case). */
    public static final Set<String> CLICK_ACTIONS = Set.of("click", "click_through");

    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();

    public UbiClickSessions {
        sessions = List.copyOf(sessions);
    }

    /** The sessions of a UBI log and how its click events were placed. */
    public static UbiClickSessions of(UbiLog log) {
        Map<String, List<UbiEvent>> clicksByQuery = new HashMap<>();
        int unknown = 0;
        Set<String> ids = new HashSet<>();
        log.queries().forEach(q -> ids.add(q.queryId()));
        for (UbiEvent e : log.events()) {
            if (!isClick(e)) {
                continue;
            }
            if (e.queryId() == null || !ids.contains(e.queryId())) {
                unknown++;
            } else {
                clicksByQuery.computeIfAbsent(e.queryId(), k -> new ArrayList<>()).add(e);
            }
        }
        List<ClickSession> sessions = new ArrayList<>(log.queries().size());
        int clicks = 0;
        int unplaced = 0;
        for (UbiQuery q : log.queries()) {
            Set<Integer> clicked = new TreeSet<>();
            for (UbiEvent e : clicksByQuery.getOrDefault(q.queryId(), List.of())) {
                clicks++;
                int p = position(e, q.hitIds());
                if (p > 0) {
                    clicked.add(p);
                } else {
                    unplaced++;
                }
            }
            sessions.add(new ClickSession(q.queryId(), NORMALIZER.normalize(q.userQuery()).text(), q.hitIds(),
                    clicked));
        }
        return new UbiClickSessions(sessions, clicks, unplaced, unknown);
    }

    /** Whether an event is a click. */
    public static boolean isClick(UbiEvent e) {
        return CLICK_ACTIONS.contains(e.actionName().toLowerCase(Locale.ROOT));
    }

    /** The 1-based shown position of a click, or 0 when it cannot be placed. */
    private static int position(UbiEvent e, List<String> shown) {
        Integer ordinal = e.position();
        boolean inRange = ordinal != null && ordinal <= shown.size();
        if (e.objectId() != null) {
            if (inRange && shown.get(ordinal - 1).equals(e.objectId())) {
                return ordinal;
            }
            int at = shown.indexOf(e.objectId());
            if (at >= 0) {
                return at + 1;
            }
        }
        return inRange ? ordinal : 0;
    }
}
