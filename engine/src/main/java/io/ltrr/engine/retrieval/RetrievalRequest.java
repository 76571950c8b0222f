package io.ltrr.engine.retrieval;

import java.util.Objects;

/**
 * What an arm is asked: the query text and a seed for arms that draw at random (the same seed gives the same
 * candidates).
 */
public record RetrievalRequest(String query, long seed) {
    public RetrievalRequest {
        Objects.requireNonNull(query, "query");
    }
}
