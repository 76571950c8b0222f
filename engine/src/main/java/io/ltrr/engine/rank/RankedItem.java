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
 * @param exploration whether the item fills an exploration slot ({@link ExplorationSlots}): only the
 *                    {@code explore} arm retrieved it, and it stands at a fixed, marked position of the page
 */
public record RankedItem(String itemId, int position, double score, Map<String, ArmHit> provenance,
                         ScoreExplanation explanation, boolean exploration) {
    public RankedItem {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    /** A result ranked on its merits (not in an exploration slot). */
    public RankedItem(String itemId, int position, double score, Map<String, ArmHit> provenance,
                      ScoreExplanation explanation) {
        this(itemId, position, score, provenance, explanation, false);
    }
}
