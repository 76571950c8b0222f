package io.ltrr.engine.clicks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The position-based model fitted by expectation maximization (Chuklin, Markov &amp; de Rijke, <i>Click Models for
 * Web Search</i>, 2015, ch. 4): a click at position k on item d of query q happens when the user examines the
 * position (θ_k) and finds the item attractive (α_qd), independently. Each iteration takes every impression's
 * posterior — a click means examined and attractive; no click gives P(examined) = θ(1−α)/(1−θα) and
 * P(attractive) = α(1−θ)/(1−θα) — and sets α_qd and θ_k to their means over the pair's and the position's
 * impressions. It starts from α = θ = 0.5. Impressions of the same pair at the same position share their
 * posterior, so each iteration runs over those cells, not over every impression.
 *
 * <p>The clicks identify only the products θ_k·α_qd, so the fit reports θ_k / θ_1 and α_qd·θ_1 (the same
 * likelihood, with the top position examined for sure), and tests convergence on those: EM may drift along the
 * flat ridge of equal likelihood while the identified values no longer move. The relevance is that α.
 */
public final class PbmEstimator implements RelevanceEstimator {
    public static final String ID = "pbm";
    private static final double START = 0.5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GradeRule gradeRule() {
        return GradeRule.PROBABILITY_QUARTERS;
    }

    @Override
    public ClickModelFit fit(List<ClickSession> sessions, ClickModelOptions options) {
        SessionTable t = SessionTable.of(sessions);
        SessionTable.Cells cells = t.cells();
        double[] alpha = new double[t.pairs()];
        double[] theta = new double[t.depth()];
        Arrays.fill(alpha, START);
        Arrays.fill(theta, START);
        double[] alphaSum = new double[alpha.length];
        double[] thetaSum = new double[theta.length];
        double[] lastAlpha = identifiedAlpha(alpha, theta);
        double[] lastTheta = identifiedTheta(theta);
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            Arrays.fill(alphaSum, 0);
            Arrays.fill(thetaSum, 0);
            for (int c = 0; c < cells.size(); c++) {
                int p = cells.pair()[c];
                int k = cells.position()[c];
                int clicks = cells.clicks()[c];
                alphaSum[p] += clicks;
                thetaSum[k] += clicks;
                int skipped = cells.impressions()[c] - clicks;
                double a = alpha[p];
                double e = theta[k];
                double noClick = 1 - e * a;
                if (skipped > 0 && noClick > 0) {
                    alphaSum[p] += skipped * a * (1 - e) / noClick;
                    thetaSum[k] += skipped * e * (1 - a) / noClick;
                }
            }
            for (int p = 0; p < alpha.length; p++) {
                alpha[p] = alphaSum[p] / t.impressions[p];
            }
            for (int k = 0; k < theta.length; k++) {
                theta[k] = thetaSum[k] / t.impressionsAt[k];
            }
            iterations++;
            double[] nextAlpha = identifiedAlpha(alpha, theta);
            double[] nextTheta = identifiedTheta(theta);
            converged = maxChange(lastAlpha, nextAlpha) <= options.tolerance()
                    && maxChange(lastTheta, nextTheta) <= options.tolerance();
            lastAlpha = nextAlpha;
            lastTheta = nextTheta;
        }
        double[] a = lastAlpha;
        List<PairEstimate> pairs = t.report(options.minImpressions(), p -> a[p], p -> Map.of());
        List<Double> bias = new ArrayList<>(lastTheta.length);
        for (double v : lastTheta) {
            bias.add(v);
        }
        return new ClickModelFit(ID, t.sessions(), t.pairs(), pairs, bias, Map.of(), iterations, converged);
    }

    /** θ_1: the common factor taken out; 1 when position 1 is never clicked (nothing to scale by). */
    private static double scale(double[] theta) {
        return theta.length > 0 && theta[0] > 0 ? theta[0] : 1;
    }

    private static double[] identifiedTheta(double[] theta) {
        double s = scale(theta);
        return Arrays.stream(theta).map(v -> v / s).toArray();
    }

    private static double[] identifiedAlpha(double[] alpha, double[] theta) {
        double s = scale(theta);
        return Arrays.stream(alpha).map(v -> v * s).toArray();
    }

    private static double maxChange(double[] before, double[] after) {
        double max = 0;
        for (int i = 0; i < before.length; i++) {
            max = Math.max(max, Math.abs(after[i] - before[i]));
        }
        return max;
    }
}
