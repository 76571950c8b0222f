package io.ltrr.engine.sim;

import java.util.Arrays;

/**
 * The oracle regret of one round (ARCHITECTURE.md, "Regret"), with full information.
 *
 * <p>Every offered arm a has an expected reward o_a in the round's context: in the synthetic scenario its
 * Bernoulli rate; in a catalog scenario the probability, under the scenario's click model, that the user clicks
 * at least one item when shown arm a's own top-N list alone (N = the shown depth, cut to what the device shows),
 * given the graded relevance of the user's intent. A selection S is valued semi-bandit style, additively:
 * E[r(S)] = Σ_{a∈S} o_a. The regret of the round is
 * <pre>
 *   regret_t = (sum of the |S| largest o_a over the offered arms) − Σ_{a∈S} o_a   ≥ 0
 * </pre>
 * and cumulative regret is Σ_t regret_t. The additive value is the oracle's yardstick, not the click rate of the
 * fused list (two arms holding the same item do not double the chance of a click), so policies are compared on
 * how well they pick individually good arms, which is what their semi-bandit rewards teach them.
 */
public final class Regret {
    private Regret() {
    }

    /**
     * @param expected o_a per offered arm
     * @param chosen   whether each arm is in S
     */
    public static double of(double[] expected, boolean[] chosen) {
        if (expected.length != chosen.length) {
            throw new IllegalArgumentException("expected and chosen must have the same length");
        }
        int m = 0;
        double got = 0;
        for (int i = 0; i < expected.length; i++) {
            if (chosen[i]) {
                m++;
                got += expected[i];
            }
        }
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        double best = 0;
        for (int i = 0; i < m; i++) {
            best += sorted[sorted.length - 1 - i];
        }
        // Rounding can leave a −1e-17 when the chosen arms are the best ones.
        return Math.max(0, best - got);
    }
}
