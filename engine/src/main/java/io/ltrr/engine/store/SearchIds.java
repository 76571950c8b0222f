package io.ltrr.engine.store;

import java.util.Optional;

/**
 * The text form of search ids, "s-&lt;n&gt;" with n ≥ 1 from a database sequence; the tables store n.
 * Click and rating ids work alike ("c-&lt;n&gt;", "r-&lt;n&gt;", one shared sequence).
 */
public final class SearchIds {
    private SearchIds() {
    }

    public static String format(long n) {
        return "s-" + n;
    }

    /** The number of a search id; a malformed id cannot name a search, so it is reported as unknown. */
    public static long parse(String searchId) {
        return parse(searchId, "s-", "search id");
    }

    /** The number of a search id, or empty for a malformed one. */
    public static Optional<Long> parseQuietly(String searchId) {
        try {
            return Optional.of(parse(searchId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String clickId(long n) {
        return "c-" + n;
    }

    public static String ratingId(long n) {
        return "r-" + n;
    }

    /** The number of a click or rating id. */
    public static long parseEventId(String eventId) {
        if (eventId != null && eventId.startsWith("r-")) {
            return parse(eventId, "r-", "event id");
        }
        return parse(eventId, "c-", "event id");
    }

    private static long parse(String id, String prefix, String what) {
        if (id != null && id.startsWith(prefix) && id.length() > prefix.length() && id.length() <= prefix.length() + 18) {
            String digits = id.substring(prefix.length());
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long n = Long.parseLong(digits);
                if (n >= 1) {
                    return n;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (expected " + prefix + "<number>)");
    }
}
