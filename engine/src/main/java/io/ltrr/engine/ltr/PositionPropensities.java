package io.ltrr.engine.ltr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely a result at each position is examined (θ_k, the position-based click model's examination
 * probability), relative to position 1. Inverse-propensity weighting divides each click at position k by θ_k.
 *
 * <p>Estimator: randomization-free EM for the position-based model (Wang et al., WSDM 2018, "Position Bias
 * Estimation for Unbiased Learning to Rank in Personal Search"): P(click | q, d, k) = θ_k · γ_{q,d}. The E-step
 * gives, for each non-click, the posterior that the result was examined-but-irrelevant and unexamined-but-relevant;
 * the M-step averages them per position (θ) and per query-item pair (γ). It is identified because the bandit shows
 * the same item for the same query at different positions (different arm selections reorder the union). EM
 * starts from the click-rate-by-position ratio CTR(k)/CTR(1), which alone would confound examination with
 * relevance (better items sit higher). θ is normalized to θ_1 = 1, made non-increasing, and floored at
 * {@link #FLOOR} so that one click deep down cannot dominate training (clipped IPW, bounded variance).
 */
public record PositionPropensities(double[] theta) {
    public static final double FLOOR = 0.05;
    static final int ITERATIONS = 50;

    public PositionPropensities {
        theta = theta.clone();
        if (theta.length == 0) {
            throw new IllegalArgumentException("theta must cover at least position 1");
        }
        for (double t : theta) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("theta values must be in (0, 1], were " + Arrays.toString(theta));
            }
        }
    }

    /** No position bias assumed (θ = 1 everywhere). */
    public static PositionPropensities none() {
        return new PositionPropensities(new double[] {1.0});
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** θ of a 1-based position; positions beyond the estimated ones take the last value. */
    public double at(int position) {
        return theta[Math.max(0, Math.min(theta.length, position) - 1)];
    }

    /**
     * One shown result in the log.
     *
     * @param query    normalized query
     * @param itemId   the shown item
     * @param position 1-based
     * @param clicked  whether it was clicked
     */
    public record Observation(String query, String itemId, int position, boolean clicked) {
    }

    /** Estimates θ for positions 1…maxPosition from the log (θ = 1 where there are no clicks to learn from). */
    public static PositionPropensities estimate(List<Observation> log, int maxPosition) {
        long[] shown = new long[maxPosition];
        long[] clicks = new long[maxPosition];
        for (Observation o : log) {
            if (o.position() >= 1 && o.position() <= maxPosition) {
                shown[o.position() - 1]++;
                clicks[o.position() - 1] += o.clicked() ? 1 : 0;
            }
        }
        if (shown[0] == 0 || clicks[0] == 0) {
            return none();
        }
        double[] theta = new double[maxPosition];
        double ctr1 = clicks[0] / (double) shown[0];
        for (int k = 0; k < maxPosition; k++) {
            theta[k] = shown[k] == 0 ? FLOOR : Math.max(FLOOR, Math.min(1, clicks[k] / (double) shown[k] / ctr1));
        }
        return new PositionPropensities(finish(em(log, theta, maxPosition)));
    }

    private static double[] em(List<Observation> log, double[] theta, int maxPosition) {
        Map<String, Double> gamma = new HashMap<>();
        for (Observation o : log) {
            gamma.putIfAbsent(key(o), 0.5);
        }
        double[] t = theta.clone();
        for (int it = 0; it < ITERATIONS; it++) {
            double[] tNum = new double[maxPosition];
            double[] tDen = new double[maxPosition];
            Map<String, double[]> gSum = new HashMap<>();
            for (Observation o : log) {
                if (o.position() < 1 || o.position() > maxPosition) {
                    continue;
                }
                int k = o.position() - 1;
                double th = t[k];
                double g = gamma.get(key(o));
                double examined;
                double relevant;
                if (o.clicked()) {
                    examined = 1;
                    relevant = 1;
                } else {
                    double none = Math.max(1e-12, 1 - th * g);
                    examined = th * (1 - g) / none;
                    relevant = (1 - th) * g / none;
                }
                tNum[k] += examined;
                tDen[k] += 1;
                double[] s = gSum.computeIfAbsent(key(o), x -> new double[2]);
                s[0] += relevant;
                s[1] += 1;
            }
            for (int k = 0; k < maxPosition; k++) {
                t[k] = tDen[k] == 0 ? t[k] : Math.max(1e-6, Math.min(1, tNum[k] / tDen[k]));
            }
            gSum.forEach((key, s) -> gamma.put(key, Math.max(1e-6, Math.min(1 - 1e-6, s[0] / s[1]))));
        }
        return t;
    }

    /** Relative to position 1, non-increasing, floored. */
    private static double[] finish(double[] t) {
        double[] out = new double[t.length];
        double prev = 1;
        for (int k = 0; k < t.length; k++) {
            double rel = t[0] > 0 ? t[k] / t[0] : 1;
            prev = Math.min(prev, Math.max(FLOOR, Math.min(1, rel)));
            out[k] = prev;
        }
        return out;
    }

    private static String key(Observation o) {
        return o.query() + '\u0000' + o.itemId();
    }
}
