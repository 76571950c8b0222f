package io.ltrr.engine.store;

import io.ltrr.engine.rank.ArmHit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item as it was shown to the user, with the arms whose candidate sets held it.
 *
 * @param position   1-based position on the result list
 * @param itemId     catalog id of the item
 * @param score      the ranker's score
 * @param provenance arm id → where that arm had the item; never empty, because only the union of the chosen
 *                   arms' candidates is ranked
 */
public record ShownItem(int position, String itemId, double score, Map<String, ArmHit> provenance) {
    public ShownItem {
        if (position < 1) {
            throw new IllegalArgumentException("position must be >= 1, was " + position);
        }
        Values.requireText(itemId, "itemId");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score of item '" + itemId + "' must be finite, was " + score);
        }
        Objects.requireNonNull(provenance, "provenance");
        if (provenance.isEmpty()) {
            throw new IllegalArgumentException("provenance of item '" + itemId + "' must name at least one arm");
        }
        provenance.forEach((arm, hit) -> {
            Values.requireText(arm, "provenance arm id");
            Objects.requireNonNull(hit, "provenance hit of arm " + arm);
        });
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
}
