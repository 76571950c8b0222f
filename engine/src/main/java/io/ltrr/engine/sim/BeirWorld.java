package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.List;

/**
 * Simulated users searching a BEIR test collection through the real round engine. The rounds are those of
 * {@link CatalogWorld}, reused by composition: a user and their context from the traffic stream of (seed, t),
 * one of the split's judged queries as the intent (typed as written), the policy's arms, the click model over the
 * qrels grades, and the same oracle (o_a = P(at least one click | arm a's own top list alone, cut to the
 * device's depth)) and semi-bandit rewards. Users have no taste profile: collection documents have no styles.
 * Made by {@link BeirSimulation#world}.
 */
public final class BeirWorld implements SimulatedWorld {
    private final CatalogWorld rounds;
    private final BeirScenario scenario;

    BeirWorld(CatalogWorld rounds, BeirScenario scenario) {
        this.rounds = rounds;
        this.scenario = scenario;
    }

    public BeirScenario scenario() {
        return scenario;
    }

    @Override
    public List<String> arms() {
        return rounds.arms();
    }

    @Override
    public List<String> featureNames() {
        return rounds.featureNames();
    }

    @Override
    public SelectionBudget budget() {
        return rounds.budget();
    }

    /** The traffic of round t, without running it. */
    public CatalogWorld.Traffic traffic(long round) {
        return rounds.traffic(round);
    }

    @Override
    public RoundOutcome play(long round, SelectionPolicy policy) {
        return rounds.play(round, policy);
    }
}
