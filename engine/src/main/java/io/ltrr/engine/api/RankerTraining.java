package io.ltrr.engine.api;

/**
 * The result of training a ranker from the feedback log.
 *
 * @param ranker   the ranker's id
 * @param version  the model version saved
 * @param queries  searches that taught an order (items with different labels)
 * @param examples shown items in those searches
 * @param note     method and parameters
 */
public record RankerTraining(String ranker, long version, int queries, int examples, String note) {
}
