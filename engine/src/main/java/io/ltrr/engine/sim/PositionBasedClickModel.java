package io.ltrr.engine.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The position-based model: the item at position k is examined with probability θ_k and, if examined,
 * clicked with its attractiveness α; positions are independent, so a user may click several items.
 * Exactly: P(click at k) = θ_k · α_k, P(any click) = 1 − Π_k (1 − θ_k α_k). Sampling: position k is clicked
 * when its item's coin is below θ_k α_k.
 */
public final class PositionBasedClickModel implements ClickModel {
    public static final String ID = "pbm";
    private final Attractiveness attractiveness;
    private final PositionBias bias;

    public PositionBasedClickModel(Attractiveness attractiveness, PositionBias bias) {
        this.attractiveness = Objects.requireNonNull(attractiveness, "attractiveness");
        this.bias = Objects.requireNonNull(bias, "bias");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double[] expectedClicks(List<String> shown, Map<String, Integer> grades) {
        double[] p = new double[shown.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = bias.at(k) * attractiveness.of(grades.getOrDefault(shown.get(k), 0));
        }
        return p;
    }

    @Override
    public double clickProbability(List<String> shown, Map<String, Integer> grades) {
        double none = 1;
        for (double p : expectedClicks(shown, grades)) {
            none *= 1 - p;
        }
        return 1 - none;
    }

    @Override
    public int[] sample(List<String> shown, Map<String, Integer> grades, ClickCoins coins) {
        int[] clicked = new int[shown.size()];
        int n = 0;
        for (int k = 0; k < shown.size(); k++) {
            String id = shown.get(k);
            if (coins.coin(id) < bias.at(k) * attractiveness.of(grades.getOrDefault(id, 0))) {
                clicked[n++] = k;
            }
        }
        return Arrays.copyOf(clicked, n);
    }
}
