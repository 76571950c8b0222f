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
 */
public record EvalReport(String collection, String split, int queries, int documents, List<ArmFigures> arms) {
    public EvalReport {
        arms = List.copyOf(arms);
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
