package io.ltrr.app.gui;

import java.util.List;
import java.util.Map;

/**
 * What the three live charts show, as plain numbers (computed off or on the UI thread, drawn on it).
 *
 * @param arms         arm ids in display order
 * @param round        the round number of each point (x axis), ascending
 * @param regret       cumulative regret at each point
 * @param regretLabel  what the regret is ("estimated (IPS) vs best fixed arm" for live use)
 * @param share        per arm: its share of the selections at each point, in [0, 1]
 * @param rewardRate   per arm: mean reward when chosen (NaN when never chosen)
 */
public record ChartData(List<String> arms, double[] round, double[] regret, String regretLabel,
                        Map<String, double[]> share, Map<String, Double> rewardRate) {
    public ChartData {
        arms = List.copyOf(arms);
        share = Map.copyOf(share);
        rewardRate = Map.copyOf(rewardRate);
        if (round.length != regret.length) {
            throw new IllegalArgumentException("round and regret must have the same length");
        }
    }

    /** One point per round: point t is after round t + 1. */
    public ChartData(List<String> arms, double[] regret, String regretLabel, Map<String, double[]> share,
                     Map<String, Double> rewardRate) {
        this(arms, oneToN(regret.length), regret, regretLabel, share, rewardRate);
    }

    /** Number of points. */
    public int points() {
        return regret.length;
    }

    /** Rounds played: the last point's round, 0 when empty. */
    public long rounds() {
        return round.length == 0 ? 0 : (long) round[round.length - 1];
    }

    public static ChartData empty() {
        return new ChartData(List.of(), new double[0], "", Map.of(), Map.of());
    }

    private static double[] oneToN(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
