package io.ltrr.engine.store;

/**
 * A predicted query → item association, generated from the item's metadata before any evidence exists.
 *
 * @param normalizedQuery the normalized query text
 * @param itemId          the item
 * @param predicted       prior probability of a click, in [0, 1]
 */
public record Q2ePrediction(String normalizedQuery, String itemId, double predicted) {
    public Q2ePrediction {
        Values.requireText(normalizedQuery, "normalizedQuery");
        Values.requireText(itemId, "itemId");
        if (!(predicted >= 0 && predicted <= 1)) {
            throw new IllegalArgumentException("predicted must be in [0, 1], was " + predicted);
        }
    }
}
