package io.ltrr.engine.store;

import io.ltrr.engine.bandit.ContextVector;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One logged bandit round reduced to what off-policy evaluation and exports need.
 *
 * <p>Per-round arm reward: a search can collect several feedback events (clicks, ratings), each rewarding
 * every chosen arm. The round's reward of a chosen arm is the largest reward any event gave it (so it stays in
 * [0, 1]: "did this arm contribute something the user wanted"), and 0 when the round got no rewarded feedback
 * at all: a search nobody clicked is evidence that no arm helped.
 *
 * @param searchId        "s-&lt;n&gt;"
 * @param at              when the search ran
 * @param userId          who searched
 * @param query           the text as typed
 * @param normalizedQuery the normalized text
 * @param x               the context vector the logging policy saw
 * @param policyId        the logging policy
 * @param offered         every arm offered, in the policy's order
 * @param propensity      P_log(a ∈ S | x) of every offered arm the log has a propensity for
 * @param chosen          S, best first
 * @param rewards         the round's reward of every chosen arm (see above)
 * @param rewardedEvents  how many feedback events gave rewards in this round
 * @param shown           the shown list, by position
 */
public record LoggedRound(String searchId, Instant at, String userId, String query, String normalizedQuery,
                          ContextVector x, String policyId, List<String> offered, Map<String, Double> propensity,
                          List<String> chosen, Map<String, Double> rewards, int rewardedEvents, List<Shown> shown) {

    /** One shown result. */
    public record Shown(int position, String itemId, double score) {
    }

    public LoggedRound {
        Values.requireText(searchId, "searchId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(x, "x");
        offered = List.copyOf(offered);
        propensity = Collections.unmodifiableMap(new LinkedHashMap<>(propensity));
        chosen = List.copyOf(chosen);
        rewards = Collections.unmodifiableMap(new LinkedHashMap<>(rewards));
        shown = List.copyOf(shown);
        if (!offered.containsAll(chosen)) {
            throw new IllegalArgumentException("chosen arms " + chosen + " must be among the offered " + offered);
        }
        if (!rewards.keySet().equals(new java.util.HashSet<>(chosen))) {
            throw new IllegalArgumentException("rewards must be given for exactly the chosen arms " + chosen
                    + ", were " + rewards.keySet());
        }
    }

    /** The reward of arm a, or 0 for an arm outside S (never observed, so never used unweighted). */
    public double reward(String arm) {
        return rewards.getOrDefault(arm, 0.0);
    }

    /** P_log(a ∈ S | x), or NaN when the log has no propensity for that arm. */
    public double loggedPropensity(String arm) {
        Double p = propensity.get(arm);
        return p == null ? Double.NaN : p;
    }
}
