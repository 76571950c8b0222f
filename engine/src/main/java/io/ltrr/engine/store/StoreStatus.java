package io.ltrr.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a feedback store answers, for a status bar: its kind, where it is, and when it does not answer, why.
 *
 * @param kind    "h2" (the data folder's own database) or "postgresql" (a shared server)
 * @param where   the folder, or the server's URL without parameters (never a password)
 * @param problem why the store does not answer (one line), or empty when it is online
 */
public record StoreStatus(String kind, String where, Optional<String> problem) {
    public StoreStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the store answers. */
    public boolean online() {
        return problem.isEmpty();
    }

    /** Whether several workbenches share the store (a server), rather than one data folder owning it. */
    public boolean shared() {
        return !"h2".equals(kind);
    }
}
