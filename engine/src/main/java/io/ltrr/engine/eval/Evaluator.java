package io.ltrr.engine.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Evaluates a {@link Run} against {@link Qrels}: per-query figures and their means.
 *
 * <p>Which queries count: every judged query with at least one relevant document (grade {@code > 0}). A
 * query the run has no results for scores 0 on every measure and still counts (trec_eval {@code -c});
 * judged queries without relevant documents are left out, and run queries without judgments are ignored.
 * All three groups are listed in the {@link RunEvaluation}. With BEIR collections, whose qrels hold only
 * positive grades and whose runs answer every query, this is exactly BEIR's and pytrec_eval's mean.
 *
 * <p>Each query's results are ranked with a {@link RankOrder}; the default is {@link RankOrder#TREC_EVAL}
 * (score descending, ties by document id descending), which is what trec_eval, pytrec_eval and hence
 * Anserini and BEIR report, whatever order the system returned.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Evaluates with trec_eval's ranking of scores.
     *
     * @param metricNames names such as {@code "ndcg@10"}, {@code "mrr@10"}, {@code "recall@100"}; see
     *                    {@link Metric#parse(String)}
     */
    public static RunEvaluation evaluate(Run run, Qrels qrels, List<String> metricNames) {
        return evaluate(run, qrels, Metric.parseAll(metricNames), RankOrder.TREC_EVAL);
    }

    /** Evaluates with the given ranking of each query's results. */
    public static RunEvaluation evaluate(Run run, Qrels qrels, List<Metric> metrics, RankOrder order) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(qrels, "qrels");
        Objects.requireNonNull(order, "order");
        requireDistinct(metrics);

        SequencedMap<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        List<String> withoutRelevant = new ArrayList<>();
        List<String> missingFromRun = new ArrayList<>();
        for (String queryId : qrels.queryIds()) {
            if (qrels.relevantCount(queryId) == 0) {
                withoutRelevant.add(queryId);
                continue;
            }
            if (run.results(queryId).isEmpty()) {
                missingFromRun.add(queryId);
            }
            perQuery.put(queryId, evaluateQuery(run.ranking(queryId, order), qrels.judgments(queryId), metrics));
        }
        List<String> withoutJudgments = run.queryIds().stream().filter(q -> !qrels.contains(q)).toList();
        return new RunEvaluation(metrics, order, perQuery, means(metrics, perQuery),
                withoutRelevant, missingFromRun, withoutJudgments);
    }

    /** Each metric of one ranking (best first) against one query's judgments, by metric name. */
    public static Map<String, Double> evaluateQuery(List<String> ranking, Map<String, Integer> judgments,
                                                    List<Metric> metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            values.put(metric.name(), metric.compute(ranking, judgments));
        }
        return values;
    }

    private static Map<String, Double> means(List<Metric> metrics,
                                             SequencedMap<String, Map<String, Double>> perQuery) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            // Summed in query order, like trec_eval's accumulation, then divided once.
            double sum = 0.0;
            for (Map<String, Double> values : perQuery.values()) {
                sum += values.get(metric.name());
            }
            means.put(metric.name(), perQuery.isEmpty() ? Double.NaN : sum / perQuery.size());
        }
        return means;
    }

    private static void requireDistinct(List<Metric> metrics) {
        Objects.requireNonNull(metrics, "metrics");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics to evaluate");
        }
        Set<Metric> seen = new HashSet<>();
        for (Metric metric : metrics) {
            if (!seen.add(metric)) {
                throw new IllegalArgumentException("metric '" + metric.name() + "' is listed twice");
            }
        }
    }
}
