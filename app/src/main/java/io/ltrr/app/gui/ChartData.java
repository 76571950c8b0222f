package io.ltrr.app.gui;

import java.util.List;
import java.util.Map;

/**
 * What the live charts show, as plain numbers (computed off or on the UI thread, drawn on it).
 *
 * @param arms        arm ids in display order
 * @param round       the round number of each point (x axis), ascending
 * @param regret      cumulative regret at each point; empty when regret is not known (live users)
 * @param regretLabel what the regret is ("true regret (simulation oracle)")
 * @param share       per arm: its share of the selections at each point, in [0, 1]
 * @param rewardRate  per arm: mean reward when chosen (NaN when never chosen)
 * @param ctrTitle    title of the CTR chart (says whether its lines are exact or estimated)
 * @param ctr         the CTR chart's lines, one value per point each (the policy's first)
 */
public record ChartData(List<String> arms, double[] round, double[] regret, String regretLabel,
                        Map<String, double[]> share, Map<String, Double> rewardRate, String ctrTitle,
                        List<Line> ctr) {
    /**
     * One line of the CTR chart.
     *
     * @param label  legend text
     * @param values one value per point
     * @param band   true for a confidence-band edge (drawn thin and dashed)
     */
    public record Line(String label, double[] values, boolean band) {
    }

    public ChartData {
        arms = List.copyOf(arms);
        share = Map.copyOf(share);
        rewardRate = Map.copyOf(rewardRate);
        ctr = List.copyOf(ctr);
        if (regret.length != 0 && round.length != regret.length) {
            throw new IllegalArgumentException("regret must be empty or hold one value per round");
        }
        for (Line l : ctr) {
            if (l.values().length != round.length) {
                throw new IllegalArgumentException("CTR line '" + l.label() + "' needs one value per round");
            }
        }
    }

    /** Number of points. */
    public int points() {
        return round.length;
    }

    /** Rounds played: the last point's round, 0 when empty. */
    public long rounds() {
        return round.length == 0 ? 0 : (long) round[round.length - 1];
    }

    /** True when the regret charts have something to show. */
    public boolean hasRegret() {
        return regret.length > 0;
    }

    public static ChartData empty() {
        return new ChartData(List.of(), new double[0], new double[0], "", Map.of(), Map.of(), "", List.of());
    }

    /**
     * Regret per round as a rolling mean: at each point, the regret gained since the earliest point at most
     * {@code window} rounds back (round 0 with regret 0 before the first point), divided by the rounds between.
     * It falls as the policy learns, where the cumulative curve only bends.
     */
    public static double[] rollingRegret(double[] round, double[] regret, long window) {
        double[] out = new double[regret.length];
        int from = -1; // -1 stands for round 0, regret 0
        for (int t = 0; t < regret.length; t++) {
            while (round[t] - (from < 0 ? 0 : round[from]) > window && from < t - 1) {
                from++;
            }
            double r0 = from < 0 ? 0 : round[from];
            double g0 = from < 0 ? 0 : regret[from];
            out[t] = (regret[t] - g0) / Math.max(1, round[t] - r0);
        }
        return out;
    }

    /** 1, 2, …, n: point t is after round t + 1. */
    static double[] oneToN(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
