package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.LoggedRound;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made logged rounds for the OPE tests. */
final class Logs {
    private Logs() {
    }

    /** A hand-made round with a one-feature context. */
    static LoggedRound round(double x, Map<String, Double> propensity, Map<String, Double> rewards) {
        return new LoggedRound("s-1", Instant.EPOCH, "u", "q", "q", new ContextVector(List.of("f"), new double[] {x}),
                "uniform", List.copyOf(propensity.keySet()), propensity, List.copyOf(rewards.keySet()), rewards, 1,
                List.of());
    }
}
