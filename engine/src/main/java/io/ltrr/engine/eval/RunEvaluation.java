package io.ltrr.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * The figures of one run against one set of judgments, as computed by {@link Evaluator}.
 *
 * @param metrics                 the measures, in the order asked for
 * @param order                   how each query's results were ranked
 * @param perQuery                evaluated query id → (metric name → value), in judgment order
 * @param means                   metric name → arithmetic mean over the evaluated queries; NaN when no query
 *                                could be evaluated
 * @param queriesWithoutRelevant  judged queries with no document of grade {@code > 0}: left out of every
 *                                mean, since no ranking can do well or badly on them
 * @param queriesMissingFromRun   evaluated queries the run has no results for: they score 0 and count
 * @param queriesWithoutJudgments run queries with no judgments at all: ignored
 */
public record RunEvaluation(List<Metric> metrics, RankOrder order,
                            SequencedMap<String, Map<String, Double>> perQuery,
                            Map<String, Double> means,
                            List<String> queriesWithoutRelevant,
                            List<String> queriesMissingFromRun,
                            List<String> queriesWithoutJudgments) {
    public RunEvaluation {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(order, "order");
        SequencedMap<String, Map<String, Double>> copy = new LinkedHashMap<>();
        perQuery.forEach((q, values) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        perQuery = Collections.unmodifiableSequencedMap(copy);
        means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
        queriesWithoutRelevant = List.copyOf(queriesWithoutRelevant);
        queriesMissingFromRun = List.copyOf(queriesMissingFromRun);
        queriesWithoutJudgments = List.copyOf(queriesWithoutJudgments);
    }

    /** Number of queries in the means. */
    public int evaluatedQueryCount() {
        return perQuery.size();
    }

    /** The mean of a metric by its name, e.g. {@code mean("ndcg@10")}. */
    public double mean(String metricName) {
        Double value = means.get(metricName);
        if (value == null) {
            throw new IllegalArgumentException("metric '" + metricName + "' was not evaluated (evaluated: " + means.keySet() + ")");
        }
        return value;
    }

    /** One query's value of a metric; the query must be among the evaluated ones. */
    public double value(String queryId, String metricName) {
        Map<String, Double> values = perQuery.get(queryId);
        if (values == null) {
            throw new IllegalArgumentException("query '" + queryId + "' was not evaluated");
        }
        Double value = values.get(metricName);
        if (value == null) {
            throw new IllegalArgumentException("metric '" + metricName + "' was not evaluated (evaluated: " + means.keySet() + ")");
        }
        return value;
    }
}
