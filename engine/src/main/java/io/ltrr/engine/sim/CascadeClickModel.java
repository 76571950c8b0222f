package io.ltrr.engine.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cascade model (Craswell et al. 2008): the user reads top-down, clicks the item at position k with its
 * attractiveness α_k, and stops at the first click. Exactly:
 * P(click at k) = α_k · Π_{j<k} (1 − α_j), P(any click) = 1 − Π_k (1 − α_k).
 * Sampling: the first position whose item's coin is below its α is clicked.
 */
public final class CascadeClickModel implements ClickModel {
    public static final String ID = "cascade";
    private final Attractiveness attractiveness;

    public CascadeClickModel(Attractiveness attractiveness) {
        this.attractiveness = Objects.requireNonNull(attractiveness, "attractiveness");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double[] expectedClicks(List<String> shown, Map<String, Integer> grades) {
        double[] p = new double[shown.size()];
        double notYet = 1;
        for (int k = 0; k < p.length; k++) {
            double a = attractiveness.of(grades.getOrDefault(shown.get(k), 0));
            p[k] = notYet * a;
            notYet *= 1 - a;
        }
        return p;
    }

    @Override
    public double clickProbability(List<String> shown, Map<String, Integer> grades) {
        double none = 1;
        for (String id : shown) {
            none *= 1 - attractiveness.of(grades.getOrDefault(id, 0));
        }
        return 1 - none;
    }

    @Override
    public int[] sample(List<String> shown, Map<String, Integer> grades, ClickCoins coins) {
        for (int k = 0; k < shown.size(); k++) {
            String id = shown.get(k);
            if (coins.coin(id) < attractiveness.of(grades.getOrDefault(id, 0))) {
                return new int[] {k};
            }
        }
        return new int[0];
    }
}
