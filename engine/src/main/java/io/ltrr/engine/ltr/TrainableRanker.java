package io.ltrr.engine.ltr;

import io.ltrr.engine.rank.Ranker;
import java.util.List;

/** A ranker that learns from logged examples and whose model is saved and restored as text (versioned in the store). */
public interface TrainableRanker extends Ranker {
    /**
     * Learns from labeled examples (replacing what was learned before).
     *
     * @return what the training used
     * @throws IllegalArgumentException when the examples cannot train anything (e.g. no query with two labels)
     */
    TrainSummary train(List<RankingExample> examples);

    /** The model as JSON. */
    String snapshot();

    /** Restores a model written by {@link #snapshot()}. */
    void restore(String json);

    /**
     * What one training run used.
     *
     * @param queries  query groups with at least two different labels (the ones that teach an order)
     * @param examples examples in those groups
     * @param note     how it trained (method, parameters)
     */
    record TrainSummary(int queries, int examples, String note) {
    }
}
