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
 * @param ctr         the policy's CTR (fraction of rounds with a click) up to each point
 * @param armExpected arm → the mean of its oracle expected reward o_a over the rounds up to each point: what that
 *                    arm alone, played every round, would have earned on the same traffic (its expected CTR)
 * @param bestExpected the mean over the rounds up to each point of the largest o_a of the round (an oracle that
 *                    knows each round's best arm)
 * @param last        the latest round's full outcome; null before the first round
 */
public record SimulationSnapshot(SimulationMetrics metrics, List<String> arms, long[] rounds, double[] regret,
                                 Map<String, double[]> selectShare, double[] ctr, Map<String, double[]> armExpected,
                                 double[] bestExpected, RoundOutcome last) {
    public SimulationSnapshot {
        arms = List.copyOf(arms);
        rounds = rounds.clone();
        regret = regret.clone();
        ctr = ctr.clone();
        bestExpected = bestExpected.clone();
        if (rounds.length != regret.length || rounds.length != ctr.length || rounds.length != bestExpected.length) {
            throw new IllegalArgumentException("rounds, regret, ctr and bestExpected must have the same length");
        }
        selectShare = perArm(arms, selectShare, rounds.length, "selectShare");
        armExpected = perArm(arms, armExpected, rounds.length, "armExpected");
    }

    private static Map<String, double[]> perArm(List<String> arms, Map<String, double[]> values, int n, String what) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (String arm : arms) {
            double[] s = values.get(arm);
            if (s == null || s.length != n) {
                throw new IllegalArgumentException(what + " needs one value per point for arm " + arm);
            }
            copy.put(arm, s.clone());
        }
        return Collections.unmodifiableMap(copy);
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

    @Override
    public double[] ctr() {
        return ctr.clone();
    }

    @Override
    public double[] bestExpected() {
        return bestExpected.clone();
    }

    /** One arm's series of mean expected reward (a copy). */
    public double[] armExpected(String arm) {
        double[] s = armExpected.get(arm);
        if (s == null) {
            throw new IllegalArgumentException("unknown arm '" + arm + "'; arms: " + arms);
        }
        return s.clone();
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
