package io.ltrr.engine.rank;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.Map;

/**
 * One result as shown.
 *
 * @param itemId      the item
 * @param position    1-based position in the shown list
 * @param score       the ranker's score
 * @param provenance  arm id → where that arm had the item
 * @param explanation why the ranker gave that score
 */
public record RankedItem(String itemId, int position, double score, Map<String, ArmHit> provenance,
                         ScoreExplanation explanation) {
    public RankedItem {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }
}
