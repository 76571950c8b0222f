package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the activity log: a search, a click or a rating, for the GUI's log view and the CLI.
 *
 * @param kind     what happened
 * @param time     when
 * @param searchId the search ("s-&lt;n&gt;")
 * @param itemId   the clicked or rated item; null for a search
 * @param detail    human-readable summary (the query, the position clicked, the grade and annotator)
 * @param annotator who rated, for a rating; null for a search or a click
 */
public record LogEvent(Kind kind, Instant time, String searchId, String itemId, String detail, String annotator) {
    /** What kind of event a log line is. */
    public enum Kind { SEARCH, CLICK, RATING }

    public LogEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Values.requireText(searchId, "searchId");
        if ((kind == Kind.SEARCH) != (itemId == null)) {
            throw new IllegalArgumentException("itemId must be given exactly for clicks and ratings");
        }
        Objects.requireNonNull(detail, "detail");
        if ((kind == Kind.RATING) != (annotator != null)) {
            throw new IllegalArgumentException("annotator must be given exactly for ratings");
        }
    }

    /** A search or a click (no annotator). */
    public LogEvent(Kind kind, Instant time, String searchId, String itemId, String detail) {
        this(kind, time, searchId, itemId, detail, null);
    }
}
