package io.ltrr.engine.bandit;

/**
 * How much a round may spend.
 *
 * @param maxArms         at most this many arms are chosen (1 … number of arms)
 * @param totalCandidates K: the candidates of all chosen arms together, Σ k_a ≤ K
 * @param minPerArm       floor of candidates for every chosen arm, so a weak arm still gets a chance to show
 *                        what it can do (exploration); minPerArm · maxArms ≤ totalCandidates
 */
public record SelectionBudget(int maxArms, int totalCandidates, int minPerArm) {
    public SelectionBudget {
        if (maxArms < 1) {
            throw new IllegalArgumentException("maxArms must be >= 1, was " + maxArms);
        }
        if (totalCandidates < 1) {
            throw new IllegalArgumentException("totalCandidates must be >= 1, was " + totalCandidates);
        }
        if (minPerArm < 1 || (long) minPerArm * maxArms > totalCandidates) {
            throw new IllegalArgumentException("minPerArm must be >= 1 and minPerArm * maxArms <= totalCandidates, was "
                    + minPerArm + " * " + maxArms + " > " + totalCandidates);
        }
    }

    /** K = 100 over at most 3 arms, at least 10 each. */
    public static SelectionBudget defaults() {
        return new SelectionBudget(3, 100, 10);
    }
}
