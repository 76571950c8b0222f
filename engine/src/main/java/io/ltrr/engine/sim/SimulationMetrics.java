package io.ltrr.engine.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a simulation stands after some rounds. Arm shares count rounds in which the arm was chosen, so with
 * several arms per round they sum to more than 1.
 *
 * @param rounds           rounds played so far
 * @param cumulativeRegret Σ regret_t (see {@link Regret})
 * @param ctr              fraction of rounds with at least one click
 * @param meanNdcg10       mean nDCG@10 of the shown lists; NaN when the world shows no lists (synthetic)
 * @param armShare         arm → fraction of all rounds in which it was chosen
 * @param windowArmShare   arm → the same over the last {@code window} rounds
 * @param rewardRate       arm → mean reward over the rounds in which it was chosen (0 when never chosen)
 * @param window           size of the sliding window
 */
public record SimulationMetrics(long rounds, double cumulativeRegret, double ctr, double meanNdcg10,
                                Map<String, Double> armShare, Map<String, Double> windowArmShare,
                                Map<String, Double> rewardRate, int window) {
    public SimulationMetrics {
        armShare = Collections.unmodifiableMap(new LinkedHashMap<>(armShare));
        windowArmShare = Collections.unmodifiableMap(new LinkedHashMap<>(windowArmShare));
        rewardRate = Collections.unmodifiableMap(new LinkedHashMap<>(rewardRate));
    }

    /** Mean regret per round. */
    public double meanRegret() {
        return rounds == 0 ? 0 : cumulativeRegret / rounds;
    }
}
