package io.ltrr.engine.clicks;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One result list a user saw and the positions they clicked: the unit every click model is fitted on, whatever the
 * log it comes from (the workbench's own searches, an imported UBI log, a simulation).
 *
 * @param id      the search or UBI query id (unique within its log)
 * @param query   the query as the click models group it (normalized for the workbench's own log)
 * @param shown   the item ids in the order shown, position 1 first
 * @param clicked the 1-based positions clicked, in ascending order (each at most once)
 */
public record ClickSession(String id, String query, List<String> shown, Set<Integer> clicked) {
    public ClickSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        shown = List.copyOf(shown);
        clicked = Collections.unmodifiableSet(new TreeSet<>(clicked));
        for (int p : clicked) {
            if (p < 1 || p > shown.size()) {
                throw new IllegalArgumentException("clicked position " + p + " is not one of the " + shown.size()
                        + " shown");
            }
        }
    }

    /** Whether the item at a 1-based position was clicked. */
    public boolean clickedAt(int position) {
        return clicked.contains(position);
    }
}
