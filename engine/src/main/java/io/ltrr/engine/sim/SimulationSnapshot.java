package io.ltrr.engine.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link SimulationRunner} stands, with its trajectory for live charts: the metrics after the latest round
 * and a thinned history (at most a few hundred points, the latest round always last).
 *
 * @param metrics     the metrics after the latest round
 * @param arms        the offered arms, in the world's order
 * @param rounds      the round number (1-based: rounds played) of each trajectory point, ascending
 * @param regret      true (oracle) cumulative regret at each point
 * @param selectShare arm → its share of the arm selections in the sliding window ending at each point (the arms'
 *                    values at one point sum to 1 once any arm was chosen, so they stack)
 */
public record SimulationSnapshot(SimulationMetrics metrics, List<String> arms, long[] rounds, double[] regret,
                                 Map<String, double[]> selectShare) {
    public SimulationSnapshot {
        arms = List.copyOf(arms);
        rounds = rounds.clone();
        regret = regret.clone();
        if (rounds.length != regret.length) {
            throw new IllegalArgumentException("rounds and regret must have the same length");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (String arm : arms) {
            double[] s = selectShare.get(arm);
            if (s == null || s.length != rounds.length) {
                throw new IllegalArgumentException("selectShare needs one value per point for arm " + arm);
            }
            copy.put(arm, s.clone());
        }
        selectShare = Collections.unmodifiableMap(copy);
    }

    /** Rounds played. */
    public long roundsPlayed() {
        return metrics.rounds();
    }

    /** Number of trajectory points. */
    public int points() {
        return rounds.length;
    }

    @Override
    public long[] rounds() {
        return rounds.clone();
    }

    @Override
    public double[] regret() {
        return regret.clone();
    }

    /** Every arm's share series (copies). */
    @Override
    public Map<String, double[]> selectShare() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        selectShare.forEach((arm, s) -> copy.put(arm, s.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** One arm's share series (a copy). */
    public double[] selectShare(String arm) {
        double[] s = selectShare.get(arm);
        if (s == null) {
            throw new IllegalArgumentException("unknown arm '" + arm + "'; arms: " + arms);
        }
        return s.clone();
    }
}
