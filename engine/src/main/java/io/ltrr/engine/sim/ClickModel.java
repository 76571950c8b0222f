package io.ltrr.engine.sim;

import java.util.List;
import java.util.Map;

/**
 * A model of how a simulated user clicks a shown list, given every item's relevance grade for the user's
 * intent (items missing from the grades have grade 0). The list passed in is what the user can see: the
 * caller cuts it to the device's depth first (a voice user hears only the top one to three).
 *
 * <p>The exact probabilities serve the oracle; {@link #sample} draws the clicks of a round from that round's
 * {@link ClickCoins}, and its frequencies converge to {@link #expectedClicks}.
 */
public interface ClickModel {
    /** Stable id ("cascade", "pbm"). */
    String id();

    /** Per position, the probability that the item there is clicked (= its expected number of clicks). */
    double[] expectedClicks(List<String> shown, Map<String, Integer> grades);

    /** The probability that the user clicks at least one item of the list. */
    double clickProbability(List<String> shown, Map<String, Integer> grades);

    /** The 0-based positions clicked this round, ascending. */
    int[] sample(List<String> shown, Map<String, Integer> grades, ClickCoins coins);
}
