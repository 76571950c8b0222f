package io.ltrr.engine.interleave;

import java.util.List;

/**
 * The two rankers an interleaved search compares, A first. Both may be the same ranker (an A/A check: neither
 * side should win more often than chance).
 *
 * @param a the ranker of team A
 * @param b the ranker of team B
 */
public record RankerPair(String a, String b) {
    public RankerPair {
        a = requireId(a, "a");
        b = requireId(b, "b");
    }

    /** "A,B" as typed on the command line. */
    public static RankerPair parse(String text) {
        List<String> parts = text == null ? List.of() : List.of(text.split(",", -1));
        if (parts.size() != 2) {
            throw new IllegalArgumentException("interleave: two ranker ids separated by a comma are needed (A,B), "
                    + "was '" + text + "'");
        }
        return new RankerPair(parts.get(0), parts.get(1));
    }

    /** The ranker of a team. */
    public String of(Team team) {
        return team == Team.A ? a : b;
    }

    /** The same rankers, sides swapped. */
    public RankerPair swapped() {
        return new RankerPair(b, a);
    }

    @Override
    public String toString() {
        return a + "," + b;
    }

    private static String requireId(String id, String side) {
        String s = id == null ? "" : id.strip();
        if (s.isEmpty() || s.contains(",")) {
            throw new IllegalArgumentException("interleave: ranker " + side + " must be a ranker id, was '" + id + "'");
        }
        return s;
    }
}
