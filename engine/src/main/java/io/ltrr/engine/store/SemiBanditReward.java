package io.ltrr.engine.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reward rule of ARCHITECTURE.md, kept apart from SQL so it can be read (and tested) on its own. */
public final class SemiBanditReward {
    private SemiBanditReward() {
    }

    /**
     * Every arm of S whose candidates held the item gets {@code value}, every other arm of S gets 0; arms
     * outside S get nothing (they are not in the map).
     *
     * @param chosen S, best first
     * @param held   the arms whose candidate sets held the item
     * @param value  1 for a click, grade/3 for a rating
     */
    public static Map<String, Double> rewards(List<String> chosen, Set<String> held, double value) {
        Map<String, Double> rewards = new LinkedHashMap<>();
        for (String arm : chosen) {
            rewards.put(arm, held.contains(arm) ? value : 0.0);
        }
        return rewards;
    }
}
