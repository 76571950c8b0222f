package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.qu.CatalogTagger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where arms are registered: explicit constructors, no reflection. The ids are stored in the
 * feedback database and never renamed.
 */
public final class ArmRegistry {
    /** Every arm id, in display order. */
    public static final List<String> IDS = List.of(Bm25Strategy.ID, PopularityBm25Strategy.ID, StructuredStrategy.ID,
            DenseStrategy.ID, ExploreStrategy.ID, MemoryStrategy.ID, RewriteStrategy.ID);

    private ArmRegistry() {
    }

    /**
     * The arms that can run on this index: all of them, except {@code dense} when the index has no vectors
     * and {@code memory} when no click memory is given.
     *
     * @param memory the click memory, or null (offline evaluation has none)
     */
    public static Map<String, RetrievalStrategy> create(CatalogIndex index, ArmSettings settings, CatalogTagger tagger,
                                                        QueryMemory memory) {
        return create(index, settings, tagger, memory, null);
    }

    /**
     * As {@link #create(CatalogIndex, ArmSettings, CatalogTagger, QueryMemory)}, plus {@code rewrite} when a
     * rewrite source is given.
     *
     * @param rewriter rewrites learned from reformulations, or null (no {@code rewrite} arm)
     */
    public static Map<String, RetrievalStrategy> create(CatalogIndex index, ArmSettings settings, CatalogTagger tagger,
                                                        QueryMemory memory, QueryRewriter rewriter) {
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>();
        arms.put(Bm25Strategy.ID, new Bm25Strategy(index, settings.bm25(), settings.cacheEntries()));
        arms.put(PopularityBm25Strategy.ID, new PopularityBm25Strategy(index, settings.bm25(), settings.popularity(),
                settings.cacheEntries()));
        arms.put(StructuredStrategy.ID, new StructuredStrategy(index, tagger, settings.cacheEntries()));
        if (index.hasVectors()) {
            arms.put(DenseStrategy.ID, new DenseStrategy(index));
        }
        arms.put(ExploreStrategy.ID, new ExploreStrategy(index, settings.cacheEntries()));
        return complete(arms, memory, rewriter);
    }

    /**
     * A backend's own arms ({@code bm25}, {@code bm25-pop}, {@code structured}, {@code dense} when it has vectors,
     * {@code explore}) completed with the arms every backend shares: {@code memory} over the click memory (its
     * lookups stay in the feedback store) and {@code rewrite}, the rewritten query searched by the backend's
     * {@code bm25}.
     *
     * @param memory   the click memory, or null (no {@code memory} arm)
     * @param rewriter rewrites learned from reformulations, or null (no {@code rewrite} arm)
     */
    public static Map<String, RetrievalStrategy> complete(Map<String, RetrievalStrategy> backendArms,
                                                          QueryMemory memory, QueryRewriter rewriter) {
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>(backendArms);
        if (memory != null) {
            arms.put(MemoryStrategy.ID, new MemoryStrategy(memory));
        }
        if (rewriter != null) {
            arms.put(RewriteStrategy.ID, new RewriteStrategy(rewriter, arms.get(Bm25Strategy.ID)));
        }
        return Collections.unmodifiableMap(arms);
    }

    /**
     * Checks requested arm ids against the available ones.
     *
     * @throws IllegalArgumentException naming the unknown or unavailable arm and the valid ones
     */
    public static void requireKnown(List<String> requested, Map<String, RetrievalStrategy> available) {
        for (String id : requested) {
            if (!available.containsKey(id)) {
                String why = IDS.contains(id) ? "is not available here (dense needs complete embeddings: ltrr index; memory a feedback store, rewrite a reformulation log)"
                        : "is unknown";
                throw new IllegalArgumentException("arm '" + id + "' " + why + "; available: " + available.keySet());
            }
        }
    }
}
