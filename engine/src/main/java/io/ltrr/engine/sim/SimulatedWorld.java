package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.List;

/**
 * Simulated traffic with known truth: each round some user searches, the policy selects arms, the user clicks,
 * and the world reports every offered arm's expected reward (full information) next to what happened.
 * Implementations draw round t's traffic and coins from {@link RandomStreams} of (seed, t) only, so the same
 * seed gives the same users, queries and coins whatever policy plays. Not thread-safe.
 */
public interface SimulatedWorld {
    /** The arms offered every round, in a stable order (the order of {@link RoundOutcome#expected()}). */
    List<String> arms();

    /** The context feature names, in vector order. */
    List<String> featureNames();

    /** What one round may spend. */
    SelectionBudget budget();

    /**
     * Plays round {@code round}: the policy selects (its {@code select} is called once), the user clicks. The
     * world does not call {@code update}; the simulator feeds the outcome's rewards back.
     */
    RoundOutcome play(long round, SelectionPolicy policy);
}
