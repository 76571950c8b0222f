package io.ltrr.engine.clicks;

import java.util.List;
import java.util.Locale;

/** The click models that derive relevance from clicks, registered here by id. */
public final class RelevanceEstimators {
    /** The ids, in the order outputs list them. */
    public static final List<String> IDS = List.of(CoecEstimator.ID, PbmEstimator.ID, DbnEstimator.ID);

    private RelevanceEstimators() {
    }

    /**
     * The estimator of that id (case-insensitive).
     *
     * @throws IllegalArgumentException for another id, naming the known ones
     */
    public static RelevanceEstimator of(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case CoecEstimator.ID -> new CoecEstimator();
            case PbmEstimator.ID -> new PbmEstimator();
            case DbnEstimator.ID -> new DbnEstimator();
            default -> throw new IllegalArgumentException("click model must be one of " + IDS + ", was '" + id
                    + "'");
        };
    }
}
