package io.ltrr.engine.clicks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic Bayesian network click model (Chapelle &amp; Zhang, WWW 2009) fitted by expectation maximization: the
 * user examines the list top-down from position 1; an examined item of query q is clicked when attractive (a_qd);
 * after a click the user is satisfied with s_qd and stops; unsatisfied (or after no click) they go on to the next
 * position with γ, else abandon. The relevance is a·s, the chance that an examined item satisfies. It starts from
 * a = s = γ = 0.5.
 *
 * <p>E-step of a session whose last click is at l (0: none): every position up to l was examined, the clicks
 * before l did not satisfy and the skipped items there were not attractive. After l, with X_k the chance of no
 * click from k on once k is examined, X_{n+1} = 1 and X_k = (1 − a_k)(1 − γ + γ·X_{k+1}): the last click
 * satisfied with s / (s + (1 − s)(1 − γ + γ·X_{l+1})); position l+1 was examined with
 * P(not satisfied at l)·γ·X_{l+1} / (1 − γ + γ·X_{l+1}) (1 when l = 0), each next one with
 * P(E_k)·(1 − a_k)·γ·X_{k+1} / X_k; an unexamined item was attractive with a. M-step: a is the mean posterior of
 * attraction over the pair's impressions, s the mean posterior of satisfaction over its clicks (a pair never
 * clicked keeps its starting s), γ the expected continuations over the expected chances to continue (examined,
 * not satisfied, not last). Sessions alike (same list, same clicks) share their posteriors, so each iteration runs
 * over the distinct ones.
 */
public final class DbnEstimator implements RelevanceEstimator {
    public static final String ID = "dbn";
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
        SessionTable.Distinct distinct = t.distinct();
        double[] attraction = new double[t.pairs()];
        double[] satisfaction = new double[t.pairs()];
        Arrays.fill(attraction, START);
        Arrays.fill(satisfaction, START);
        double gamma = START;
        Sums sums = new Sums(t.pairs(), t.depth());
        int iterations = 0;
        boolean converged = false;
        while (iterations < options.maxIterations() && !converged) {
            sums.clear();
            for (int s = 0; s < distinct.size(); s++) {
                expect(distinct.shown()[s], distinct.clicked()[s], distinct.count()[s], attraction, satisfaction,
                        gamma, sums);
            }
            double change = 0;
            for (int p = 0; p < attraction.length; p++) {
                double a = sums.attracted[p] / t.impressions[p];
                change = Math.max(change, Math.abs(a - attraction[p]));
                attraction[p] = a;
                if (t.clicks[p] > 0) {
                    double v = sums.satisfied[p] / t.clicks[p];
                    change = Math.max(change, Math.abs(v - satisfaction[p]));
                    satisfaction[p] = v;
                }
            }
            if (sums.chances > 0) {
                double g = sums.continued / sums.chances;
                change = Math.max(change, Math.abs(g - gamma));
                gamma = g;
            }
            iterations++;
            converged = change <= options.tolerance();
        }
        List<PairEstimate> pairs = t.report(options.minImpressions(), p -> attraction[p] * satisfaction[p], p -> {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("attractiveness", attraction[p]);
            parts.put("satisfaction", satisfaction[p]);
            return parts;
        });
        return new ClickModelFit(ID, t.sessions(), t.pairs(), pairs, List.of(), Map.of("gamma", gamma), iterations,
                converged);
    }

    /** Adds the posteriors of {@code times} sessions alike to the sums. */
    private static void expect(int[] row, boolean[] clicked, int times, double[] attraction, double[] satisfaction,
                               double gamma, Sums sums) {
        int n = row.length;
        int last = 0;
        for (int k = n; k >= 1; k--) {
            if (clicked[k - 1]) {
                last = k;
                break;
            }
        }
        // positions 1..last-1: examined, not satisfied, went on
        for (int k = 1; k < last; k++) {
            int p = row[k - 1];
            if (clicked[k - 1]) {
                sums.attracted[p] += times;
            }
            sums.chances += times;
            sums.continued += times;
        }
        // noClick[k] = X_k (1-based), the chance of no click from k on once k is examined
        double[] noClick = sums.noClick;
        noClick[n + 1] = 1;
        for (int k = n; k > last; k--) {
            noClick[k] = (1 - attraction[row[k - 1]]) * (1 - gamma + gamma * noClick[k + 1]);
        }
        double examined = 1;
        if (last > 0) {
            int p = row[last - 1];
            sums.attracted[p] += times;
            double stop = 1 - gamma + gamma * noClick[last + 1];
            double s = satisfaction[p];
            double denominator = s + (1 - s) * stop;
            double satisfied = denominator > 0 ? s / denominator : 0;
            sums.satisfied[p] += times * satisfied;
            if (last < n) {
                sums.chances += times * (1 - satisfied);
                examined = stop > 0 ? (1 - satisfied) * gamma * noClick[last + 1] / stop : 0;
                sums.continued += times * examined;
            }
        }
        for (int k = last + 1; k <= n; k++) {
            int p = row[k - 1];
            double a = attraction[p];
            sums.attracted[p] += times * (1 - examined) * a;
            if (k < n) {
                sums.chances += times * examined;
                double next = noClick[k] > 0 ? examined * (1 - a) * gamma * noClick[k + 1] / noClick[k] : 0;
                sums.continued += times * next;
                examined = next;
            }
        }
    }

    /** The expected counts of one E-step. */
    private static final class Sums {
        final double[] attracted;
        final double[] satisfied;
        /** Scratch for one session's X_k, 1-based up to depth + 1. */
        final double[] noClick;
        double continued;
        double chances;

        Sums(int pairs, int depth) {
            attracted = new double[pairs];
            satisfied = new double[pairs];
            noClick = new double[depth + 2];
        }

        void clear() {
            Arrays.fill(attracted, 0);
            Arrays.fill(satisfied, 0);
            continued = 0;
            chances = 0;
        }
    }
}
