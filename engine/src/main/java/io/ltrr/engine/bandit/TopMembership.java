package io.ltrr.engine.bandit;

import java.util.Arrays;

/**
 * P(arm i is among the m highest of independent continuous scores) by numerical integration: the propensity a
 * sampling policy (Thompson, linear Thompson) logs for every offered arm, the same marginal inclusion probability
 * P(a ∈ S | x) that {@link MonteCarloPropensity} estimates by replaying draws, in a few tens of microseconds.
 *
 * <p>With X_i the score of arm i (density f_i, CDF F_i), arm i is in the top m exactly when fewer than m of the
 * others exceed X_i:
 * <pre>
 *   P(i ∈ S) = ∫ f_i(x) · Q_i(x) dx,   Q_i(x) = P(#{j ≠ i : X_j > x} ≤ m − 1)
 * </pre>
 * For m = 1, Q_i = Π_{j≠i} F_j(x). For larger m, #{j ≠ i : X_j > x} is a Poisson-binomial count of the events
 * X_j > x (probability 1 − F_j(x)); its distribution truncated at m comes from the arms before i and the arms
 * after i (prefix and suffix convolutions), so every Q_i at a point costs O(n·m²) together.
 *
 * <p>The integral runs over one grid for all arms: the union of every arm's {@link ScoreTable} points, so each
 * arm's scale is resolved wherever it matters (a sharp posterior among broad ones has its own points), with
 * Simpson's rule on each interval of the grid (ends and midpoint). Ties have probability zero for continuous
 * scores, so the policy's tie-break by arm order plays no part.
 */
final class TopMembership {
    /** Panels of each arm's table: the accuracy/speed knob (see the tests and docs/benchmarks.md). */
    static final int PANELS = 18;
    /** The least distance of two grid points, as a fraction of the finest table step covering them. */
    static final double SPACING = 1.0;
    /** The least propensity logged for an arm that was chosen. */
    static final double FLOOR = 1e-6;

    private TopMembership() {
    }

    /**
     * @param scores each offered arm's score distribution
     * @param m      arms chosen, 1 ≤ m ≤ scores.length
     * @return P(arm i ∈ top m) for every arm, each in [0, 1], summing to m up to the integration error
     */
    static double[] probabilities(ScoreTable[] scores, int m) {
        int n = scores.length;
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("m must be in [1, " + n + "], was " + m);
        }
        double[] p = new double[n];
        if (m == n) {
            Arrays.fill(p, 1);
            return p;
        }
        double[] grid = grid(scores);
        Workspace w = new Workspace(n, m);
        double[] atLeft = new double[n];
        double[] atMid = new double[n];
        double[] atRight = new double[n];
        w.integrand(scores, grid[0], atLeft);
        for (int k = 1; k < grid.length; k++) {
            double a = grid[k - 1];
            double b = grid[k];
            w.integrand(scores, 0.5 * (a + b), atMid);
            w.integrand(scores, b, atRight);
            double weight = (b - a) / 6;
            for (int i = 0; i < n; i++) {
                p[i] += weight * (atLeft[i] + 4 * atMid[i] + atRight[i]);
            }
            double[] swap = atLeft;
            atLeft = atRight;
            atRight = swap;
        }
        for (int i = 0; i < n; i++) {
            p[i] = Math.max(0, Math.min(1, p[i]));
        }
        return p;
    }

    /**
     * The logged propensities: {@link #probabilities}, with every chosen arm at least {@link #FLOOR} (its true
     * probability may underflow to 0, and off-policy weights must stay finite), then adjusted to sum to m exactly.
     * The adjustment moves each arm (but a floored one) in proportion to p(1 − p), so arms at 0 or 1 stay there
     * unless only they can make room for a floored arm; it is of the order of the integration error (below 10⁻³).
     *
     * @param decision the indices the round chose
     */
    static double[] propensities(ScoreTable[] scores, int m, int[] decision) {
        double[] p = probabilities(scores, m);
        boolean[] floored = new boolean[p.length];
        for (int i : decision) {
            floored[i] = p[i] < FLOOR;
            p[i] = Math.max(p[i], FLOOR);
        }
        for (int pass = 0; pass < 4; pass++) {
            double residual = m;
            for (double v : p) {
                residual -= v;
            }
            if (Math.abs(residual) < 1e-12) {
                break;
            }
            double[] w = new double[p.length];
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                w[i] = floored[i] ? 0 : p[i] * (1 - p[i]);
                total += w[i];
            }
            if (total == 0) {
                // every free arm sits at 0 or 1: move those that can move in the residual's direction
                for (int i = 0; i < p.length; i++) {
                    w[i] = floored[i] ? 0 : residual < 0 ? p[i] : 1 - p[i];
                    total += w[i];
                }
            }
            if (total == 0) {
                break;
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.max(0, Math.min(1, p[i] + residual * w[i] / total));
            }
        }
        return p;
    }

    /**
     * Every arm's table points, sorted, thinned so that two kept points are at least {@link #SPACING} of the finest
     * table step among the arms covering the later one apart: where several arms of one scale overlap, their points
     * would otherwise crowd the grid several times more finely than any of them needs. The last point is kept.
     */
    private static double[] grid(ScoreTable[] scores) {
        int total = 0;
        for (ScoreTable s : scores) {
            total += s.size();
        }
        double[] points = new double[total];
        int at = 0;
        for (ScoreTable s : scores) {
            at += s.points(points, at);
        }
        Arrays.sort(points);
        int kept = 1;
        for (int k = 1; k < total; k++) {
            double x = points[k];
            double finest = Double.POSITIVE_INFINITY;
            for (ScoreTable s : scores) {
                if (x >= s.lo() && x <= s.hi()) {
                    finest = Math.min(finest, s.step());
                }
            }
            if (x - points[kept - 1] >= SPACING * finest || (k == total - 1 && x > points[kept - 1])) {
                points[kept++] = x;
            }
        }
        return Arrays.copyOf(points, kept);
    }

    /** The arrays one point's Q_i need, allocated once per estimate. */
    private static final class Workspace {
        private final int n;
        private final int m;
        private final double[] below;
        /** prefix[j][c]: P(exactly c of arms 0..j−1 exceed x), c < m. */
        private final double[][] prefix;
        /** suffix[j][c]: P(exactly c of arms j..n−1 exceed x), c < m. */
        private final double[][] suffix;

        Workspace(int n, int m) {
            this.n = n;
            this.m = m;
            below = new double[n];
            prefix = new double[n + 1][m];
            suffix = new double[n + 1][m];
        }

        /** out[i] = f_i(x) · Q_i(x) for every arm. */
        void integrand(ScoreTable[] scores, double x, double[] out) {
            boolean any = false;
            for (int j = 0; j < n; j++) {
                scores[j].evaluate(x, below, out, j);
                any |= out[j] > 0;
            }
            if (!any) {
                return;
            }
            prefix[0][0] = 1;
            for (int j = 0; j < n; j++) {
                convolve(prefix[j], below[j], prefix[j + 1]);
            }
            suffix[n][0] = 1;
            for (int j = n - 1; j >= 0; j--) {
                convolve(suffix[j + 1], below[j], suffix[j]);
            }
            for (int i = 0; i < n; i++) {
                if (out[i] == 0) {
                    continue;
                }
                double[] before = prefix[i];
                double[] after = suffix[i + 1];
                double q = 0;
                double afterAtMost = 0;
                // Σ_{a+b ≤ m−1} before[a]·after[b], with the running sum of after[0..m−1−a]
                for (int b = 0; b < m; b++) {
                    afterAtMost += after[b];
                }
                for (int a = 0; a < m; a++) {
                    q += before[a] * afterAtMost;
                    afterAtMost -= after[m - 1 - a];
                }
                out[i] *= q;
            }
        }

        /** to = from ⊛ Bernoulli(1 − below), truncated to counts below m. */
        private void convolve(double[] from, double below, double[] to) {
            double above = 1 - below;
            for (int c = m - 1; c > 0; c--) {
                to[c] = from[c] * below + from[c - 1] * above;
            }
            to[0] = from[0] * below;
        }
    }
}
