package io.ltrr.engine.store;

import io.ltrr.engine.bandit.ContextVector;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A committed feedback event and the semi-bandit rewards it produced: the arguments of
 * {@code SelectionPolicy.update(x, chosenArms, rewards)} for the policy that made the search.
 *
 * <p>A can't-tell rating produces no reward: {@link #rewards()} is empty and {@link #hasReward()} false. The
 * caller must not call {@code update} then, because {@code update} reads a missing arm of S as reward 0. A repeated
 * click (the same item of the same search clicked again) is logged but produces no reward either: it counts once.
 *
 * @param eventId    "c-&lt;n&gt;" for a click, "r-&lt;n&gt;" for a rating
 * @param searchId   the search the feedback was on
 * @param itemId     the item clicked or rated
 * @param chosenArms S of that search, best first
 * @param rewards    a reward for every arm of S, or nothing (can't tell)
 * @param x          the context vector of that search
 * @param policyId   the policy that chose S
 * @param repeat     a click on an item of the search that was clicked before: logged, learned from once only
 */
public record FeedbackOutcome(String eventId, String searchId, String itemId, Set<String> chosenArms,
                              Map<String, Double> rewards, ContextVector x, String policyId,
                              boolean repeat) {
    public FeedbackOutcome {
        Values.requireText(eventId, "eventId");
        Values.requireText(searchId, "searchId");
        Values.requireText(itemId, "itemId");
        chosenArms = Collections.unmodifiableSet(new LinkedHashSet<>(chosenArms));
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
        if (!rewards.isEmpty() && !rewards.keySet().equals(chosenArms)) {
            throw new IllegalArgumentException("rewards must be given for every chosen arm or for none, were "
                    + rewards.keySet() + " for " + chosenArms);
        }
        rewards.forEach((arm, r) -> new ArmReward(arm, r));
        Objects.requireNonNull(x, "x");
        Values.requireText(policyId, "policyId");
    }

    /** A first event on its item (not a repeated click). */
    public FeedbackOutcome(String eventId, String searchId, String itemId, Set<String> chosenArms,
                           Map<String, Double> rewards, ContextVector x, String policyId) {
        this(eventId, searchId, itemId, chosenArms, rewards, x, policyId, false);
    }

    /** False for a can't-tell rating or a repeated click: nothing to learn. */
    public boolean hasReward() {
        return !rewards.isEmpty();
    }
}
