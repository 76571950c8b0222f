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
 * @param updated    whether the active policy learned from it: false when the policy of that search is no longer
 *                   active, for a can't-tell rating and for a repeated click (only the log has it then)
 * @param repeat     a click on an item already clicked in that search: logged, but learned from once only
 */
public record FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                             Map<String, Double> rewards, String policyId, boolean updated,
                             boolean repeat) {
    public FeedbackResult {
        chosenArms = Collections.unmodifiableSet(new LinkedHashSet<>(chosenArms));
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
    }

    /** A first event on its item. */
    public FeedbackResult(String eventId, String searchId, String itemId, Set<String> chosenArms,
                          Map<String, Double> rewards, String policyId, boolean updated) {
        this(eventId, searchId, itemId, chosenArms, rewards, policyId, updated, false);
    }

    /** A can't-tell rating: logged, nothing for any policy to learn. */
    public boolean cantTell() {
        return rewards.isEmpty() && !repeat && eventId.startsWith("r-");
    }
}
