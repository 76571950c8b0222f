package io.ltrr.engine.bandit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the candidate budget K over the chosen arms: every chosen arm gets the floor {@code minPerArm}, the
 * rest is shared in proportion to the arms' estimated means, and integer rounding is by largest remainder
 * (ties to the arm chosen first), so Σ k_a = K exactly and the split is deterministic.
 */
public final class CandidateAllocation {
    /**
     * Added to every arm's weight so that arms estimated at zero still share the rest: a pessimistic estimate
     * should not starve an arm of the candidates it needs to prove the estimate wrong.
     */
    public static final double WEIGHT_EPSILON = 0.05;

    private CandidateAllocation() {
    }

    /**
     * @param chosen the chosen arms, best first (1 … budget.maxArms of them)
     * @param means  estimated mean reward per chosen arm; clamped to [0, 1], NaN counts as 0
     * @return k_a per chosen arm, in the order of {@code chosen}
     */
    public static Map<String, Integer> allocate(List<String> chosen, Map<String, Double> means,
                                                SelectionBudget budget) {
        int m = chosen.size();
        if (m < 1 || m > budget.maxArms()) {
            throw new IllegalArgumentException("chosen must hold 1 to " + budget.maxArms() + " arms, had " + m);
        }
        double[] weights = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            double mean = means.getOrDefault(chosen.get(i), 0.0);
            weights[i] = (Double.isNaN(mean) ? 0 : Math.clamp(mean, 0.0, 1.0)) + WEIGHT_EPSILON;
            total += weights[i];
        }
        int rest = budget.totalCandidates() - m * budget.minPerArm();
        int[] shares = largestRemainder(weights, total, rest);
        Map<String, Integer> k = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            k.put(chosen.get(i), budget.minPerArm() + shares[i]);
        }
        return k;
    }

    private static int[] largestRemainder(double[] weights, double total, int rest) {
        int m = weights.length;
        int[] shares = new int[m];
        double[] remainders = new double[m];
        int given = 0;
        for (int i = 0; i < m; i++) {
            double quota = rest * weights[i] / total;
            shares[i] = Math.min(rest, (int) Math.floor(quota));
            remainders[i] = quota - shares[i];
            given += shares[i];
        }
        // Floating-point quotas may sum a hair above or below `rest`; settle the difference one unit at a time.
        while (given != rest) {
            int step = given < rest ? 1 : -1;
            int pick = -1;
            for (int i = 0; i < m; i++) {
                boolean eligible = step > 0 || shares[i] > 0;
                if (eligible && (pick < 0 || step * remainders[i] > step * remainders[pick])) {
                    pick = i;
                }
            }
            shares[pick] += step;
            remainders[pick] -= step;
            given += step;
        }
        return shares;
    }
}
