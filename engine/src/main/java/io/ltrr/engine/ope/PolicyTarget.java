package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.store.LoggedRound;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/**
 * A bandit policy replayed over the log (see the package documentation for the two modes). Each round the
 * policy selects for the logged x among the logged offered arms with as many arms as the log chose, so the
 * target is compared at the same set size as the logging policy; only its propensities are used.
 */
public final class PolicyTarget implements OpeTarget {
    /** Whether the target learns while it is replayed. */
    public enum Mode {
        /** Learns each round's logged rewards after it was evaluated on that round (progressive validation). */
        PROGRESSIVE,
        /** Keeps its initial state: a fixed stochastic policy. */
        FROZEN
    }

    private final SelectionPolicy policy;
    private final Mode mode;

    /**
     * @param policy the policy in the state it should start from (it is advanced and, when progressive, trained;
     *               pass a fresh instance)
     */
    public PolicyTarget(SelectionPolicy policy, Mode mode) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String id() {
        return policy.id();
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public Map<String, Double> inclusion(LoggedRound round) {
        if (round.offered().isEmpty()) {
            return Map.of();
        }
        int m = Math.max(1, Math.min(round.chosen().size(), round.offered().size()));
        return policy.select(round.x(), round.offered(), new SelectionBudget(m, m, 1)).propensity();
    }

    @Override
    public void observe(LoggedRound round) {
        if (mode == Mode.PROGRESSIVE && !round.chosen().isEmpty()) {
            policy.update(round.x(), new LinkedHashSet<>(round.chosen()), round.rewards());
        }
    }
}
