package io.ltrr.engine.store;

import java.util.Map;

/**
 * Stated preferences per user: a weight in [−1, 1] per style or genre (positive: likes it, negative: wants
 * less of it). Implementations are thread-safe.
 */
public interface ProfileStore {
    /** The user's weights by style, strongest liking first (ties by style); empty for an unknown user. */
    Map<String, Double> weights(String userId);

    /**
     * Replaces the weights of the given styles (a weight of 0 removes the style) and returns the whole
     * profile afterwards.
     *
     * @throws IllegalArgumentException for a weight outside [−1, 1] or a blank style
     */
    Map<String, Double> update(String userId, Map<String, Double> weights);
}
