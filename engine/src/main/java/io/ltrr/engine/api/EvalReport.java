package io.ltrr.engine.api;

import java.util.List;
import java.util.Map;

/**
 * Figures of an offline evaluation.
 *
 * @param collection   the collection folder
 * @param split        the qrels split used
 * @param queries      queries evaluated (those with at least one relevant judgment)
 * @param documents    documents in the collection's index
 * @param arms         per-arm results, in request order
 * @param scoredPart   which queries every figure was computed on, in words ("all 809 judged queries of split
 *                     train", "162 of 809 … the 20 % held out of a seeded 80/20 split …")
 * @param trainingQueries the queries rankers trained on (0 when nothing trained)
 * @param trainedOn    what they were, in words ("" when nothing trained)
 */
public record EvalReport(String collection, String split, int queries, int documents, List<ArmFigures> arms,
                         String scoredPart, int trainingQueries, String trainedOn) {
    public EvalReport {
        arms = List.copyOf(arms);
        java.util.Objects.requireNonNull(scoredPart, "scoredPart");
        java.util.Objects.requireNonNull(trainedOn, "trainedOn");
    }

    /** Every judged query scored, nothing trained. */
    public EvalReport(String collection, String split, int queries, int documents, List<ArmFigures> arms) {
        this(collection, split, queries, documents, arms, "all " + queries + " judged queries", 0, "");
    }

    /**
     * One arm's mean metrics.
     *
     * @param arm      arm id
     * @param metrics  metric name → mean over the evaluated queries
     * @param runFile  the run file written, or "" when none
     * @param millis   wall time of the arm's retrieval over all queries
     */
    public record ArmFigures(String arm, Map<String, Double> metrics, String runFile, long millis) {
        public ArmFigures {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }
    }
}
