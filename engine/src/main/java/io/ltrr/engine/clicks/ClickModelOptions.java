package io.ltrr.engine.clicks;

/**
 * How a click model is fitted and which of its (query, item) pairs it reports.
 *
 * @param minImpressions a pair shown fewer times than this is fitted (its sessions still inform the position
 *                       parameters) but not reported: its estimate is too noisy to grade
 * @param maxIterations  EM iterations at most (PBM, DBN); COEC is closed-form and ignores it
 * @param tolerance      EM stops once no parameter moved by more than this in an iteration. EM slows down near
 *                       the edge of [0, 1] (an item nearly always clicked once seen, a click nearly always the last):
 *                       such a parameter may still be a few hundredths from its limit after steps of 1e-4, within a
 *                       grade, so the default is 1e-4, not less
 */
public record ClickModelOptions(int minImpressions, int maxIterations, double tolerance) {
    /**
     * Ten impressions: below that a click rate's standard deviation (up to 0.16 at ten) exceeds half a grade step
     * of the quarter scale (see {@link GradeRule#PROBABILITY_QUARTERS}).
     */
    public static final int DEFAULT_MIN_IMPRESSIONS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public ClickModelOptions {
        if (minImpressions < 1) {
            throw new IllegalArgumentException("min_impressions must be >= 1, was " + minImpressions);
        }
        if (maxIterations < 1 || maxIterations > 100_000) {
            throw new IllegalArgumentException("max_iterations must be in [1, 100000], was " + maxIterations);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
        }
    }

    public static ClickModelOptions defaults() {
        return new ClickModelOptions(DEFAULT_MIN_IMPRESSIONS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    public ClickModelOptions withMinImpressions(int n) {
        return new ClickModelOptions(n, maxIterations, tolerance);
    }

    public ClickModelOptions withMaxIterations(int n) {
        return new ClickModelOptions(minImpressions, n, tolerance);
    }
}
