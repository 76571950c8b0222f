package io.ltrr.engine.store;

/**
 * How far the log had grown at some moment: the newest committed search and feedback event, by number (the n
 * of "s-n" and of "c-n"/"r-n"; 0 when there was none yet).
 *
 * @param searchId the newest search number
 * @param eventId  the newest click or rating number
 */
public record LogPosition(long searchId, long eventId) {
    public LogPosition {
        if (searchId < 0 || eventId < 0) {
            throw new IllegalArgumentException("log position numbers must be >= 0, were " + searchId + ", " + eventId);
        }
    }
}
