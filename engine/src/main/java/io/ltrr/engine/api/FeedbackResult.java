package io.ltrr.engine.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A committed click or rating and what the bandit learned from it.
 *
 * @param eventId    "c-…" for a click, "r-…" for a rating
 * @param searchId   the search it refers to
 * @param itemId     the item clicked or rated
 * @param chosenArms the arms chosen in that search, in the selection's order (so output is stable)
 * @param rewards    reward of every chosen arm, in the same order (empty for a can't-tell rating: nothing learned)
 * @param policyId   the policy that was updated (the one that made the selection)
 * @param updated    false when the policy of that search is no longer active, so only the log learned
 */
public record FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                             Map<String, Double> rewards, String policyId, boolean updated) {
    public FeedbackResult {
        chosenArms = Collections.unmodifiableSet(new LinkedHashSet<>(chosenArms));
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
    }
}
