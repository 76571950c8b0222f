package io.ltrr.app.gui;

import java.util.List;
import java.util.Map;

/**
 * What the three live charts show, as plain numbers (computed off or on the UI thread, drawn on it).
 *
 * @param arms         arm ids in display order
 * @param regret       cumulative regret after each round (index 0 = after round 1)
 * @param regretLabel  what the regret is ("estimated (IPS) vs best fixed arm" for live use)
 * @param share        per arm: its share of the selections up to each round, in [0, 1]
 * @param rewardRate   per arm: mean reward when chosen (NaN when never chosen)
 */
public record ChartData(List<String> arms, double[] regret, String regretLabel, Map<String, double[]> share,
                        Map<String, Double> rewardRate) {
    public ChartData {
        arms = List.copyOf(arms);
        share = Map.copyOf(share);
        rewardRate = Map.copyOf(rewardRate);
    }

    public int rounds() {
        return regret.length;
    }

    public static ChartData empty() {
        return new ChartData(List.of(), new double[0], "", Map.of(), Map.of());
    }
}
