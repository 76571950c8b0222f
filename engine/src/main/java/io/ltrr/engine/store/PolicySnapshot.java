package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved {@code SelectionPolicy.snapshot()}.
 *
 * @param policyId  the policy's id
 * @param round     the policy's round counter when saved
 * @param json      the snapshot text
 * @param createdAt when it was saved
 */
public record PolicySnapshot(String policyId, long round, String json, Instant createdAt) {
    public PolicySnapshot {
        Values.requireText(policyId, "policyId");
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, was " + round);
        }
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
