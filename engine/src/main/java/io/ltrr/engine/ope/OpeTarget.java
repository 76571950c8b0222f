package io.ltrr.engine.ope;

import io.ltrr.engine.store.LoggedRound;
import java.util.Map;

/**
 * A policy to be evaluated off-line: for each logged round, in log order, its inclusion probabilities
 * P_π(a ∈ S | x) over the round's offered arms.
 */
public interface OpeTarget {
    /** Shown in leaderboards. */
    String id();

    /**
     * P_π(a ∈ S | x) for the round's offered arms (an arm missing from the map has probability 0). Called exactly
     * once per round, in log order, before {@link #observe} of the same round.
     */
    Map<String, Double> inclusion(LoggedRound round);

    /** Sees the round's logged outcome after {@link #inclusion}; a learning target updates here. */
    default void observe(LoggedRound round) {
    }
}
