package io.ltrr.engine.retrieval;

/**
 * A candidate generator: one arm of the bandit. Implementations are thread-safe and their {@link #id()} is
 * stored in the feedback database, so it is never renamed.
 */
public interface RetrievalStrategy {
    /** Stable id ("bm25", "dense", …). */
    String id();

    /** One line for people: what this arm does. */
    String description();

    /** The arm's top {@code k} candidates for the request, best first; never null, possibly empty. */
    CandidateList retrieve(RetrievalRequest request, int k);

    /** Why the arm scored this item as it did for this request (empty details when it did not retrieve it). */
    ScoreExplanation explain(RetrievalRequest request, String itemId);

    /** How often this arm answered from its result cache ({@link CacheStats#NONE} for arms without one). */
    default CacheStats resultCacheStats() {
        return CacheStats.NONE;
    }
}
