package io.ltrr.engine.rank;

/** Where one arm had an item: its 1-based rank and the arm's own score. */
public record ArmHit(int rank, double score) {
    public ArmHit {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
    }
}
