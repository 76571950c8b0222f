package io.ltrr.engine.retrieval;

import io.ltrr.engine.qu.QueryAnalysis;
import java.util.Objects;

/**
 * What an arm is asked: the query text, its query-understanding analysis when already made (arms that need
 * one make it themselves otherwise), and a seed for arms that draw at random (same seed, same candidates).
 */
public record RetrievalRequest(String query, QueryAnalysis analysis, long seed) {
    public RetrievalRequest {
        Objects.requireNonNull(query, "query");
    }

    public RetrievalRequest(String query, long seed) {
        this(query, null, seed);
    }
}
