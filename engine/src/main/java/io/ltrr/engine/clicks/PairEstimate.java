package io.ltrr.engine.clicks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A click model's estimate for one (query, item) pair, with the counts it rests on.
 *
 * @param query       the query as the sessions give it
 * @param itemId      the item
 * @param impressions how often the item was shown for the query
 * @param clicks      how often it was clicked there
 * @param relevance   the model's relevance estimate (COEC: the ratio; PBM: α; DBN: a·s)
 * @param parts       what the estimate is made of, by name, in a stable order (COEC: expected clicks; DBN:
 *                    attractiveness and satisfaction), for explaining it
 */
public record PairEstimate(String query, String itemId, int impressions, int clicks, double relevance,
                           Map<String, Double> parts) {
    public PairEstimate {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(itemId, "itemId");
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The raw click-through rate, clicks / impressions (biased by where the item was shown). */
    public double ctr() {
        return impressions == 0 ? 0 : clicks / (double) impressions;
    }
}
