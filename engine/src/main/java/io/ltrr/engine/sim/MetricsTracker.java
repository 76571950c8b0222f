package io.ltrr.engine.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the metrics of a run in flat arrays (no per-round allocation); {@link #snapshot()} copies them out.
 * The sliding window keeps each round's chosen arms as a bit mask in a ring buffer.
 */
final class MetricsTracker {
    private final List<String> arms;
    private final int window;
    private final long[] pulls;
    private final double[] rewardSums;
    private final int[] windowPulls;
    private final long[] ring;
    private long rounds;
    private long clickedRounds;
    private double regret;
    private double ndcgSum;
    private long ndcgRounds;

    MetricsTracker(List<String> arms, int window) {
        if (arms.size() > 64) {
            throw new IllegalArgumentException("at most 64 arms can be tracked, were " + arms.size());
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        this.arms = List.copyOf(arms);
        this.window = window;
        this.pulls = new long[arms.size()];
        this.rewardSums = new double[arms.size()];
        this.windowPulls = new int[arms.size()];
        this.ring = new long[window];
    }

    void add(RoundOutcome o) {
        long mask = 0;
        for (int i = 0; i < arms.size(); i++) {
            if (o.selection().isChosen(arms.get(i))) {
                mask |= 1L << i;
                pulls[i]++;
                rewardSums[i] += o.rewards().getOrDefault(arms.get(i), 0.0);
            }
        }
        int slot = (int) (rounds % window);
        long leaving = rounds >= window ? ring[slot] : 0;
        ring[slot] = mask;
        for (int i = 0; i < arms.size(); i++) {
            windowPulls[i] += (int) ((mask >>> i) & 1) - (int) ((leaving >>> i) & 1);
        }
        rounds++;
        regret += o.regret();
        if (o.clicked()) {
            clickedRounds++;
        }
        if (!Double.isNaN(o.ndcg10())) {
            ndcgSum += o.ndcg10();
            ndcgRounds++;
        }
    }

    SimulationMetrics snapshot() {
        Map<String, Double> share = new LinkedHashMap<>();
        Map<String, Double> windowShare = new LinkedHashMap<>();
        Map<String, Double> rate = new LinkedHashMap<>();
        long inWindow = Math.min(rounds, window);
        for (int i = 0; i < arms.size(); i++) {
            share.put(arms.get(i), rounds == 0 ? 0 : (double) pulls[i] / rounds);
            windowShare.put(arms.get(i), inWindow == 0 ? 0 : (double) windowPulls[i] / inWindow);
            rate.put(arms.get(i), pulls[i] == 0 ? 0 : rewardSums[i] / pulls[i]);
        }
        return new SimulationMetrics(rounds, regret, rounds == 0 ? 0 : (double) clickedRounds / rounds,
                ndcgRounds == 0 ? Double.NaN : ndcgSum / ndcgRounds, share, windowShare, rate, window);
    }
}
