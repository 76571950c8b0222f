package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved ranker model.
 *
 * @param rankerId  the ranker's id
 * @param version   1, 2, … per ranker, assigned on save
 * @param json      the model text
 * @param createdAt when it was saved
 */
public record RankerSnapshot(String rankerId, long version, String json, Instant createdAt) {
    public RankerSnapshot {
        Values.requireText(rankerId, "rankerId");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
