package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import java.util.List;
import java.util.Map;

/**
 * One simulated round with full information.
 *
 * @param round    0-based round number
 * @param userId   who searched (the synthetic scenario: the context's name)
 * @param intent   what the user wanted, as a short label ("spearfishing:track:…", "topical:trip hop", …)
 * @param query    the query text typed or spoken ("" in the synthetic scenario)
 * @param x        the context features the policy saw
 * @param arms     the offered arms, in the world's order
 * @param expected o_a, the oracle's expected reward of every offered arm, in the order of {@code arms}
 * @param selection the policy's selection
 * @param rewards  the semi-bandit reward of every chosen arm from the sampled clicks (0 or 1)
 * @param clicked  whether the user clicked anything
 * @param ndcg10   nDCG@10 of the shown list under the intent's graded relevance; NaN without a shown list
 * @param shown    the item ids the user saw, top first (empty when the world shows no list)
 * @param clickedItems the shown items the user clicked, in list order (empty without a shown list)
 * @param shownClickProbability P(at least one click | the shown list) under the world's click model and the intent's
 *                 graded relevance: the expectation of {@code clicked}, the same yardstick whatever number of arms
 *                 built the list (leaderboards rank by it); NaN when the world shows no list
 */
public record RoundOutcome(long round, String userId, String intent, String query, ContextVector x,
                           List<String> arms, double[] expected, Selection selection, Map<String, Double> rewards,
                           boolean clicked, double ndcg10, List<String> shown, List<String> clickedItems,
                           double shownClickProbability) {
    /** A round of a world that shows no list, or does not know its expected clicks. */
    public RoundOutcome(long round, String userId, String intent, String query, ContextVector x, List<String> arms,
                        double[] expected, Selection selection, Map<String, Double> rewards, boolean clicked,
                        double ndcg10, List<String> shown, List<String> clickedItems) {
        this(round, userId, intent, query, x, arms, expected, selection, rewards, clicked, ndcg10, shown,
                clickedItems, Double.NaN);
    }

    public RoundOutcome {
        arms = List.copyOf(arms);
        shown = List.copyOf(shown);
        clickedItems = List.copyOf(clickedItems);
        expected = expected.clone();
        rewards = Map.copyOf(rewards);
        if (expected.length != arms.size()) {
            throw new IllegalArgumentException("expected must hold one value per arm");
        }
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    /** o_a of one arm. */
    public double expected(String arm) {
        return expected[arms.indexOf(arm)];
    }

    /** This round's regret, see {@link Regret}. */
    public double regret() {
        boolean[] chosen = new boolean[arms.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = selection.isChosen(arms.get(i));
        }
        return Regret.of(expected, chosen);
    }
}
