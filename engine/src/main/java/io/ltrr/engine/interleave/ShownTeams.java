package io.ltrr.engine.interleave;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teams of an interleaved page, as logged with its impression: the compared rankers and one code per shown
 * position, {@code A}, {@code B} or {@code -} (no team: an exploration slot). Kept in the impression's context under
 * three keys, so a click given later (by any workbench on the store) is credited from the log.
 *
 * @param rankers the compared rankers
 * @param codes   the team code of positions 1, 2, … of the shown page
 */
public record ShownTeams(RankerPair rankers, String codes) {
    /** The context key of ranker A. */
    public static final String KEY_A = "interleave.a";
    /** The context key of ranker B. */
    public static final String KEY_B = "interleave.b";
    /** The context key of the team codes; the searches that have it are the interleaved ones. */
    public static final String KEY_TEAMS = "interleave.teams";
    static final char NONE = '-';

    public ShownTeams {
        if (rankers == null) {
            throw new IllegalArgumentException("rankers must be given");
        }
        if (codes == null || !codes.matches("[AB-]*")) {
            throw new IllegalArgumentException("team codes must be A, B or - per position, were '" + codes + "'");
        }
    }

    /** The codes of a shown page: each shown item's team, none for an item no team drafted. */
    public static ShownTeams of(RankerPair rankers, List<String> shownItems, Map<String, Team> teams) {
        StringBuilder codes = new StringBuilder(shownItems.size());
        for (String item : shownItems) {
            Team t = teams.get(item);
            codes.append(t == null ? NONE : t.code());
        }
        return new ShownTeams(rankers, codes.toString());
    }

    /** The team of a 1-based shown position; empty for an exploration slot or a position past the page. */
    public Optional<Team> at(int position) {
        if (position < 1 || position > codes.length() || codes.charAt(position - 1) == NONE) {
            return Optional.empty();
        }
        return Optional.of(codes.charAt(position - 1) == 'A' ? Team.A : Team.B);
    }

    /** The team of every position that has one. */
    public Map<Integer, Team> byPosition() {
        Map<Integer, Team> out = new LinkedHashMap<>();
        for (int p = 1; p <= codes.length(); p++) {
            int position = p;
            at(p).ifPresent(t -> out.put(position, t));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The outcome of this impression given the positions its clicks went to. */
    public ImpressionOutcome credit(java.util.Collection<Integer> clickedPositions) {
        return ImpressionOutcome.credit(byPosition(), clickedPositions);
    }

    /** The context entries that log these teams with the impression. */
    public Map<String, String> toContext() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(KEY_A, rankers.a());
        out.put(KEY_B, rankers.b());
        out.put(KEY_TEAMS, codes);
        return out;
    }

    /** The teams logged in an impression's context, empty when it was not interleaved (or the entries are broken). */
    public static Optional<ShownTeams> fromContext(Map<String, String> context) {
        String a = context.get(KEY_A);
        String b = context.get(KEY_B);
        String codes = context.get(KEY_TEAMS);
        if (a == null || b == null || codes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShownTeams(new RankerPair(a, b), codes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
