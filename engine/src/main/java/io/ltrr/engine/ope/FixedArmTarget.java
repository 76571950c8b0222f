package io.ltrr.engine.ope;

import io.ltrr.engine.store.LoggedRound;
import java.util.Map;
import java.util.Objects;

/**
 * The policy that always chooses one arm, alone: P(a ∈ S) = 1 for that arm, 0 for the others. Its value is the
 * arm's mean reward, the yardstick of "the best fixed arm in hindsight". A round that did not offer the arm
 * contributes 0 for this target.
 *
 * @param arm    the arm (an action, in an external bandit log)
 * @param prefix the prefix of its id: {@link #PREFIX}, or {@link #ACTION_PREFIX} for an external log's action
 */
public record FixedArmTarget(String arm, String prefix) implements OpeTarget {
    /** The prefix of the target spec {@code arm:ID}. */
    public static final String PREFIX = "arm:";
    /** The prefix of the target spec {@code action:ID}, the same target named as on an external bandit log. */
    public static final String ACTION_PREFIX = "action:";

    public FixedArmTarget {
        Objects.requireNonNull(arm, "arm");
        if (arm.isBlank()) {
            throw new IllegalArgumentException("arm must not be blank");
        }
        if (!PREFIX.equals(prefix) && !ACTION_PREFIX.equals(prefix)) {
            throw new IllegalArgumentException("prefix must be " + PREFIX + " or " + ACTION_PREFIX + ", was " + prefix);
        }
    }

    /** The target {@code arm:ID}. */
    public FixedArmTarget(String arm) {
        this(arm, PREFIX);
    }

    @Override
    public String id() {
        return prefix + arm;
    }

    @Override
    public Map<String, Double> inclusion(LoggedRound round) {
        return round.offered().contains(arm) ? Map.of(arm, 1.0) : Map.of();
    }
}
