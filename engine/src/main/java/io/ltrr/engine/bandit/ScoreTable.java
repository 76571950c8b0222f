package io.ltrr.engine.bandit;

import java.util.function.DoubleUnaryOperator;

/**
 * One arm's sampling distribution (a Beta posterior, or the Gaussian score of linear Thompson) tabulated for
 * {@link TopMembership}: density and CDF at equally spaced points over the interval that holds all but a negligible
 * part of its mass, so that the CDF at any point costs one cubic Hermite interpolation instead of an incomplete beta
 * or error function.
 *
 * <p>The CDF is integrated from the density, by the end-corrected trapezoid on each panel (Gauss–Legendre with two
 * nodes on a panel at an end of [0, 1]; both exact for cubics: with the panel a fraction of a standard deviation,
 * the error is far below what a propensity needs), and divided by the mass of
 * the interval, so the density's normalizing constant is never needed (no log-gamma) and the table's CDF runs
 * exactly from 0 to 1. Outside the interval the CDF is 0 or 1. The table holds the density at its points, so that
 * the interpolant's slope is the density there: between two points the error is of order h⁴·f‴.
 *
 * <p>The JDK has no incomplete beta function; the tests check this table against commons-math3's
 * {@code Beta.regularizedBeta} (on the test classpath only).
 */
final class ScoreTable {
    /** Standard deviations on either side of the mean that the table covers (clipped to a Beta's [0, 1]). */
    static final double REACH = 7;
    private static final double GAUSS_LEGENDRE_2 = 0.5 / Math.sqrt(3);

    private final double lo;
    private final double hi;
    private final double step;
    private final double inverseStep;
    private final double[] cdf;
    private final double[] pdf;

    /**
     * @param atEnd               whether lo and hi are ends of the support itself (a Beta's 0 and 1), where the
     *                            density's slope may be infinite: the panels there are integrated by Gauss–Legendre
     * @param unnormalizedDensity the density up to a constant factor
     * @param logSlope            d/dx ln f(x), for the end-corrected trapezoid of the inner panels
     */
    private ScoreTable(double lo, double hi, int panels, boolean singularLo, boolean singularHi, boolean[] atEnd,
                       DoubleUnaryOperator unnormalizedDensity, DoubleUnaryOperator logSlope) {
        this.lo = lo;
        this.hi = hi;
        this.step = (hi - lo) / panels;
        this.inverseStep = 1 / step;
        cdf = new double[panels + 1];
        pdf = new double[panels + 1];
        double[] slope = new double[panels + 1];
        for (int k = 0; k <= panels; k++) {
            double x = k == panels ? hi : lo + k * step;
            pdf[k] = unnormalizedDensity.applyAsDouble(x);
            boolean end = (k == 0 && atEnd[0]) || (k == panels && atEnd[1]);
            slope[k] = end ? 0 : pdf[k] * logSlope.applyAsDouble(x);
        }
        for (int k = 0; k < panels; k++) {
            double mass;
            if ((k == 0 && atEnd[0]) || (k == panels - 1 && atEnd[1])) {
                double mid = lo + (k + 0.5) * step;
                mass = 0.5 * step * (unnormalizedDensity.applyAsDouble(mid - GAUSS_LEGENDRE_2 * step)
                        + unnormalizedDensity.applyAsDouble(mid + GAUSS_LEGENDRE_2 * step));
            } else {
                // the trapezoid with its Euler–Maclaurin end correction: exact for cubics, like two Gauss nodes,
                // from the values and slopes the table keeps anyway
                mass = 0.5 * step * (pdf[k] + pdf[k + 1]) + step * step / 12 * (slope[k] - slope[k + 1]);
            }
            cdf[k + 1] = cdf[k] + Math.max(0, mass);
        }
        // A Beta with a or b in (1, 2) has an infinite density slope at that end (e.g. (1 − x)^0.05): there the
        // density at the end point is no slope for the interpolant, the panel's mean density is.
        if (singularLo) {
            pdf[0] = cdf[1] / step;
        }
        if (singularHi) {
            pdf[panels] = (cdf[panels] - cdf[panels - 1]) / step;
        }
        double total = cdf[panels];
        for (int k = 0; k <= panels; k++) {
            cdf[k] /= total;
            pdf[k] /= total;
        }
        cdf[panels] = 1;
    }

    /**
     * Beta(a, b) with a, b ≥ 1 (a bounded density; the Thompson posteriors start at Beta(1, 1) and only grow).
     *
     * @param panels intervals of the table, at least 2
     */
    static ScoreTable beta(double a, double b, int panels) {
        if (!(a >= 1 && b >= 1) || !Double.isFinite(a + b)) {
            throw new IllegalArgumentException("a and b must be finite and >= 1, were " + a + ", " + b);
        }
        double n = a + b;
        double mean = a / n;
        double sd = Math.sqrt(a * b / (n * n * (n + 1)));
        double lo = Math.max(0, mean - REACH * sd);
        double hi = Math.min(1, mean + REACH * sd);
        // The log density relative to its mode keeps exp() in range however large a and b grow.
        double mode = n > 2 ? (a - 1) / (n - 2) : 0.5;
        double atMode = logKernel(mode, a, b);
        return new ScoreTable(lo, hi, panels, lo == 0 && a > 1 && a < 2, hi == 1 && b > 1 && b < 2,
                new boolean[] {lo == 0, hi == 1}, x -> Math.exp(logKernel(x, a, b) - atMode),
                x -> (a == 1 ? 0 : (a - 1) / x) - (b == 1 ? 0 : (b - 1) / (1 - x)));
    }

    /** (a−1)·ln x + (b−1)·ln(1−x), with 0·ln 0 taken as 0 (a or b exactly 1 at an end of [0, 1]). */
    private static double logKernel(double x, double a, double b) {
        double left = a == 1 ? 0 : (a - 1) * Math.log(x);
        double right = b == 1 ? 0 : (b - 1) * Math.log(1 - x);
        return left + right;
    }

    /** N(mean, sd²) with sd > 0. */
    static ScoreTable gaussian(double mean, double sd, int panels) {
        if (!(sd > 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("sd must be > 0 and finite, mean finite; were " + sd + ", " + mean);
        }
        return new ScoreTable(mean - REACH * sd, mean + REACH * sd, panels, false, false, new boolean[2], x -> {
            double z = (x - mean) / sd;
            return Math.exp(-0.5 * z * z);
        }, x -> -(x - mean) / (sd * sd));
    }

    /** The distance between two points of the table. */
    double step() {
        return step;
    }

    double lo() {
        return lo;
    }

    double hi() {
        return hi;
    }

    /** The table's points, lo first and hi last, written into {@code out} from {@code from}; returns the count. */
    int points(double[] out, int from) {
        int panels = cdf.length - 1;
        for (int k = 0; k < panels; k++) {
            out[from + k] = lo + k * step;
        }
        out[from + panels] = hi;
        return panels + 1;
    }

    int size() {
        return cdf.length;
    }

    /** P(X ≤ x): cubic Hermite interpolation of the table (slopes: the density), 0 below and 1 above it. */
    double cdf(double x) {
        if (x <= lo) {
            return 0;
        }
        if (x >= hi) {
            return 1;
        }
        double u = (x - lo) / step;
        int k = Math.min((int) u, cdf.length - 2);
        double t = u - k;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        double v = h00 * cdf[k] + h10 * step * pdf[k] + h01 * cdf[k + 1] + h11 * step * pdf[k + 1];
        return Math.max(0, Math.min(1, v));
    }

    /**
     * {@link #cdf} and {@link #density} at x in one go (they share the panel and its polynomial terms), into
     * {@code cdfOut[j]} and {@code densityOut[j]}: the inner loop of {@link TopMembership}.
     */
    void evaluate(double x, double[] cdfOut, double[] densityOut, int j) {
        if (x < lo || x > hi) {
            cdfOut[j] = x < lo ? 0 : 1;
            densityOut[j] = 0;
            return;
        }
        double u = (x - lo) * inverseStep;
        int k = Math.min((int) u, cdf.length - 2);
        double t = u - k;
        double t2 = t * t;
        double t3 = t2 * t;
        double f0 = pdf[k];
        double f1 = pdf[k + 1];
        double dc = cdf[k] - cdf[k + 1];
        // h00·F0 + h01·F1 = F0 + (3t² − 2t³)·(F1 − F0)
        double v = cdf[k] - (3 * t2 - 2 * t3) * dc + step * ((t3 - 2 * t2 + t) * f0 + (t3 - t2) * f1);
        cdfOut[j] = Math.max(0, Math.min(1, v));
        double d = (6 * t2 - 6 * t) * dc * inverseStep + (3 * t2 - 4 * t + 1) * f0 + (3 * t2 - 2 * t) * f1;
        densityOut[j] = Math.max(0, d);
    }

    /** The density at x: the slope of the {@link #cdf} interpolant (exact at the table's points), 0 outside. */
    double density(double x) {
        if (x < lo || x > hi) {
            return 0;
        }
        double u = (x - lo) / step;
        int k = Math.min((int) u, cdf.length - 2);
        double t = u - k;
        double t2 = t * t;
        double d00 = 6 * t2 - 6 * t;
        double d10 = 3 * t2 - 4 * t + 1;
        double d11 = 3 * t2 - 2 * t;
        double v = (d00 * (cdf[k] - cdf[k + 1])) / step + d10 * pdf[k] + d11 * pdf[k + 1];
        return Math.max(0, v);
    }
}
