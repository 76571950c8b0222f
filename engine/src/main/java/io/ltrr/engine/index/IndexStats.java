package io.ltrr.engine.index;

import java.util.Map;

/**
 * Facts about a built index, printed by {@code ltrr index} and checked by the golden regression test.
 *
 * @param items          number of items
 * @param itemsByType    items per type key ("track" → 21502, …)
 * @param analyzer       analyzer key
 * @param embeddingModel embedding model id the index wants, or "" when it has no vectors
 * @param fingerprint    digest of catalog + settings; for an index whose vectors are embedded after its lexical
 *                       index (ADR 0013) followed by {@code +vectors:complete} or {@code +vectors:partial}
 * @param sizeBytes      bytes on disk
 * @param builtAt        ISO-8601 build time
 * @param vectors        items with a searchable vector (all of them, or 0 while the vectors are being embedded)
 */
public record IndexStats(int items, Map<String, Integer> itemsByType, String analyzer, String embeddingModel,
                         String fingerprint, long sizeBytes, String builtAt, int vectors) {
    /** The suffix of an index's fingerprint whose vectors are complete. */
    public static final String VECTORS_COMPLETE = "+vectors:complete";
    /** The suffix of an index's fingerprint whose vectors are still being embedded. */
    public static final String VECTORS_PARTIAL = "+vectors:partial";

    public IndexStats {
        itemsByType = Map.copyOf(itemsByType);
        if (vectors < 0 || vectors > items) {
            throw new IllegalArgumentException("vectors must be in [0, items], was " + vectors);
        }
    }

    /** An index built whole (its vectors, when it wants any, are complete). */
    public IndexStats(int items, Map<String, Integer> itemsByType, String analyzer, String embeddingModel,
                      String fingerprint, long sizeBytes, String builtAt) {
        this(items, itemsByType, analyzer, embeddingModel, fingerprint, sizeBytes, builtAt,
                embeddingModel.isEmpty() ? 0 : items);
    }

    /** Whether the dense arm can search this index: it wants vectors and has them all. */
    public boolean hasVectors() {
        return !embeddingModel.isEmpty() && vectors == items;
    }

    /** Whether the index wants vectors it does not have yet (they are being, or are to be, embedded). */
    public boolean vectorsPending() {
        return !embeddingModel.isEmpty() && vectors < items;
    }

    /**
     * The fingerprint of the catalog and settings alone, without the vectors' state: what caches built from the
     * items (query-understanding dictionaries, the click memory's cold start) are keyed by.
     */
    public String catalogFingerprint() {
        int plus = fingerprint.indexOf('+');
        return plus < 0 ? fingerprint : fingerprint.substring(0, plus);
    }
}
