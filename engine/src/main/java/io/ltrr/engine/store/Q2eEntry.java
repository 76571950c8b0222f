package io.ltrr.engine.store;

/**
 * A Q2E memory entry with its smoothed score (clicks + α·predicted) / (impressions + α): the prediction
 * counts as α pseudo-impressions, so observed evidence takes over as it grows.
 *
 * @param normalizedQuery the normalized query text
 * @param itemId          the item
 * @param predicted       the prior from metadata (0 for pairs first seen through feedback)
 * @param impressions     how often the item was shown for the query
 * @param clicks          how often it was clicked then
 * @param score           the smoothed score
 */
public record Q2eEntry(String normalizedQuery, String itemId, double predicted, long impressions, long clicks,
                       double score) {
    public Q2eEntry {
        Values.requireText(normalizedQuery, "normalizedQuery");
        Values.requireText(itemId, "itemId");
        if (impressions < 0 || clicks < 0) {
            throw new IllegalArgumentException("impressions and clicks must be >= 0, were " + impressions + ", "
                    + clicks);
        }
    }
}
