package io.ltrr.engine.store;

/**
 * Where one arm had a shown item in its own candidate list.
 *
 * @param rank  1-based rank in the arm's list
 * @param score the arm's own score for the item
 */
public record ArmHit(int rank, double score) {
    public ArmHit {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
    }
}
