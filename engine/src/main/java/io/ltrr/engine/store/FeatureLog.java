package io.ltrr.engine.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The ranker features of shown items, logged with their searches for training rankers later. */
public interface FeatureLog {
    /**
     * Logs the ranker features of shown items of a recorded search (the names are stored once per feature set).
     *
     * @param rows shown item id → values in the order of {@code names}
     * @return the feature set's id
     * @throws IllegalArgumentException for an item not shown in that search or a row of the wrong length
     */
    String recordFeatures(String searchId, List<String> names, Map<String, double[]> rows);

    /**
     * Calls the consumer for every logged feature row with its feedback, by search then position; only the rows
     * of one search when {@code searchId} is given. The consumer must not call back into the store.
     */
    void forEachLoggedFeatures(String searchId, Consumer<LoggedFeatures> consumer);
}
