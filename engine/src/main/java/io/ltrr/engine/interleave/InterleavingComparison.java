package io.ltrr.engine.interleave;

import java.util.Objects;
import java.util.Optional;

/**
 * The running score of an interleaved comparison of two rankers: impressions won by A, won by B and tied, and the
 * sign test's p-value over the impressions with a winner.
 *
 * @param rankers the compared rankers (A, B)
 * @param aWins   impressions whose clicks credited A more
 * @param bWins   impressions whose clicks credited B more
 * @param ties    impressions that credited both alike, pages without clicks included
 */
public record InterleavingComparison(RankerPair rankers, long aWins, long bWins, long ties) {
    /** The customary significance level: a side is preferred when p &lt; 0.05. */
    public static final double ALPHA = 0.05;

    public InterleavingComparison {
        Objects.requireNonNull(rankers, "rankers");
        if (aWins < 0 || bWins < 0 || ties < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + aWins + ", " + bWins + ", " + ties);
        }
    }

    /** No impressions yet. */
    public static InterleavingComparison empty(RankerPair rankers) {
        return new InterleavingComparison(rankers, 0, 0, 0);
    }

    /** This score with one more impression. */
    public InterleavingComparison plus(ImpressionOutcome outcome) {
        return switch (outcome) {
            case A_WINS -> new InterleavingComparison(rankers, aWins + 1, bWins, ties);
            case B_WINS -> new InterleavingComparison(rankers, aWins, bWins + 1, ties);
            case TIE -> new InterleavingComparison(rankers, aWins, bWins, ties + 1);
        };
    }

    /** Every impression counted. */
    public long impressions() {
        return aWins + bWins + ties;
    }

    /** The two-sided sign-test p-value of "A and B are preferred equally often" ({@link SignTest}). */
    public double pValue() {
        return SignTest.twoSidedP(aWins, bWins);
    }

    /** The team that won more impressions, when the sign test rejects equality at level {@code alpha}. */
    public Optional<Team> preferred(double alpha) {
        if (aWins == bWins || !(pValue() < alpha)) {
            return Optional.empty();
        }
        return Optional.of(aWins > bWins ? Team.A : Team.B);
    }
}
