package io.ltrr.engine.index;

import java.util.Map;

/**
 * Facts about a built index, printed by {@code ltrr index} and checked by the golden regression test.
 *
 * @param items          number of items
 * @param itemsByType    items per type key ("track" → 21502, …)
 * @param analyzer       analyzer key
 * @param embeddingModel embedding model id, or "" when the index has no vectors
 * @param fingerprint    digest of catalog + settings
 * @param sizeBytes      bytes on disk
 * @param builtAt        ISO-8601 build time
 */
public record IndexStats(int items, Map<String, Integer> itemsByType, String analyzer, String embeddingModel,
                         String fingerprint, long sizeBytes, String builtAt) {
    public IndexStats {
        itemsByType = Map.copyOf(itemsByType);
    }

    public boolean hasVectors() {
        return !embeddingModel.isEmpty();
    }
}
