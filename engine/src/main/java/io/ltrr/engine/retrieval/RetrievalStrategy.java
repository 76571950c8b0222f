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

    /**
     * True when {@link #retrieve} reads nothing but the index and in-process models, so that another thread may
     * run it while the caller holds its own resources (a store transaction whose connection and lock belong to the
     * caller's thread). Arms that read the feedback store or a remote service say false, the default, and always
     * retrieve on the caller's thread.
     */
    default boolean retrievesOnAnyThread() {
        return false;
    }

    /** How often this arm answered from its result cache ({@link CacheStats#NONE} for arms without one). */
    default CacheStats resultCacheStats() {
        return CacheStats.NONE;
    }
}
