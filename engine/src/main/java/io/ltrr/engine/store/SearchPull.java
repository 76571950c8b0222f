package io.ltrr.engine.store;

import io.ltrr.engine.bandit.ContextVector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One pull of the bandit (ADR 0009): a closed search and the reward of each arm it chose, the best signal any
 * feedback of the search gave that arm (0 when none): the arguments of
 * {@code SelectionPolicy.update(x, chosenArms, rewards)} for the policy that made the search.
 *
 * @param closeId    the close's number in the feedback sequence (orders pulls with clicks and ratings)
 * @param searchId   "s-&lt;n&gt;"
 * @param chosenArms S of that search, best first
 * @param rewards    a reward for every arm of S
 * @param x          the context vector of that search
 * @param policyId   the policy that chose S
 */
public record SearchPull(long closeId, String searchId, Set<String> chosenArms, Map<String, Double> rewards,
                         ContextVector x, String policyId) {
    public SearchPull {
        Values.requireText(searchId, "searchId");
        chosenArms = Collections.unmodifiableSet(new LinkedHashSet<>(chosenArms));
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
        if (!rewards.keySet().equals(chosenArms)) {
            throw new IllegalArgumentException("rewards must be given for every chosen arm, were " + rewards.keySet()
                    + " for " + chosenArms);
        }
        rewards.forEach(ArmReward::new);
        Objects.requireNonNull(x, "x");
        Values.requireText(policyId, "policyId");
    }
}
