package io.ltrr.engine.compare;

/**
 * How one item's rank moved from list A to list B.
 *
 * @param itemId the item
 * @param rankA  its 1-based rank in A, or null when A did not have it
 * @param rankB  its rank in B, or null when B does not have it
 * @param kind   UP (better rank in B), DOWN, SAME, NEW (only in B) or GONE (only in A)
 */
public record RankChange(String itemId, Integer rankA, Integer rankB, Kind kind) {
    /** The direction of a move. */
    public enum Kind { UP, DOWN, SAME, NEW, GONE }

    static RankChange of(String item, Integer a, Integer b) {
        Kind kind = a == null ? Kind.NEW : b == null ? Kind.GONE
                : b < a ? Kind.UP : b > a ? Kind.DOWN : Kind.SAME;
        return new RankChange(item, a, b, kind);
    }

    /** rankA − rankB (positive = moved up), or null for NEW and GONE. */
    public Integer delta() {
        return rankA == null || rankB == null ? null : rankA - rankB;
    }
}
