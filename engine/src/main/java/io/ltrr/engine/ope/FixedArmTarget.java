package io.ltrr.engine.ope;

import io.ltrr.engine.store.LoggedRound;
import java.util.Map;
import java.util.Objects;

/**
 * The policy that always chooses one arm, alone: P(a ∈ S) = 1 for that arm, 0 for the others. Its value is the
 * arm's mean reward, the yardstick of "the best fixed arm in hindsight". A round that did not offer the arm
 * contributes 0 for this target.
 */
public record FixedArmTarget(String arm) implements OpeTarget {
    /** The prefix of the target spec {@code arm:ID}. */
    public static final String PREFIX = "arm:";

    public FixedArmTarget {
        Objects.requireNonNull(arm, "arm");
        if (arm.isBlank()) {
            throw new IllegalArgumentException("arm must not be blank");
        }
    }

    @Override
    public String id() {
        return PREFIX + arm;
    }

    @Override
    public Map<String, Double> inclusion(LoggedRound round) {
        return round.offered().contains(arm) ? Map.of(arm, 1.0) : Map.of();
    }
}
