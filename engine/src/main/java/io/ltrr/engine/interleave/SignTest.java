package io.ltrr.engine.interleave;

/**
 * The exact two-sided binomial sign test of "A and B are preferred equally often": under that hypothesis the
 * number of A's wins among the n = wins + losses impressions with a winner is Binomial(n, 1/2), and the p-value is
 * the probability of a split at least as uneven, P = min(1, 2 · P(X ≤ min(wins, losses))). Ties carry no
 * information about the direction and are left out, as the sign test does.
 */
public final class SignTest {
    private SignTest() {
    }

    /** The two-sided p-value for {@code wins} of A and {@code losses} (wins of B); 1 when both are 0. */
    public static double twoSidedP(long wins, long losses) {
        if (wins < 0 || losses < 0) {
            throw new IllegalArgumentException("wins and losses must be >= 0, were " + wins + " and " + losses);
        }
        long n = wins + losses;
        long k = Math.min(wins, losses);
        if (2 * k == n) {
            return 1.0;
        }
        // Σ_{i ≤ k} C(n, i) / 2^n in logs: 2^n overflows a double from n = 1024 on. The terms grow with i (i < n/2),
        // so the largest is the last; summing relative to it keeps every term in range.
        double logLast = logBinomial(n, k) - n * Math.log(2);
        double sum = 0;
        double term = 1; // C(n, i) / C(n, k), from i = k down
        for (long i = k; i >= 0 && term > 1e-18; i--) {
            sum += term;
            term *= (double) i / (n - i + 1);
        }
        return Math.min(1.0, 2 * Math.exp(logLast + Math.log(sum)));
    }

    /** ln C(n, k), summed term by term (k ≤ n/2 here, so at most n/2 terms). */
    private static double logBinomial(long n, long k) {
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log((double) (n - k + i) / i);
        }
        return s;
    }
}
