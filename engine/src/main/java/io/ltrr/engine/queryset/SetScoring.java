package io.ltrr.engine.queryset;

import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.eval.Metrics;
import io.ltrr.engine.store.Judgment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scores a query set's result lists against judgments at cutoff {@value QuerySetScores#CUTOFF}: nDCG, P and MRR
 * as trec_eval defines them ({@link Metrics}), and the unjudged results of the top 10.
 *
 * <p>Judgments are keyed by query text; ratings are logged under the normalized query, imports under the text
 * as imported. A set's query therefore takes the judgments of its own text and of its normalized form, a pair
 * judged under both counting with the higher grade.
 */
public final class SetScoring {
    private final Map<String, Map<String, Integer>> byQuery = new HashMap<>();
    private final UnaryOperator<String> normalizer;

    /**
     * @param judgments  the judgments to score against (one source, or several: the highest grade of a pair counts)
     * @param normalizer the query normalization the log uses
     */
    public SetScoring(List<Judgment> judgments, UnaryOperator<String> normalizer) {
        this.normalizer = normalizer;
        for (Judgment j : judgments) {
            byQuery.computeIfAbsent(j.query(), q -> new HashMap<>()).merge(j.itemId(), j.grade(), Math::max);
        }
    }

    /** The grades of a query's items (its text's and its normalized form's). */
    public Map<String, Integer> grades(String query) {
        Map<String, Integer> out = new HashMap<>(byQuery.getOrDefault(query, Map.of()));
        String normalized = normalizer.apply(query);
        if (!normalized.equals(query)) {
            byQuery.getOrDefault(normalized, Map.of()).forEach((item, g) -> out.merge(item, g, Math::max));
        }
        return out;
    }

    /** One query's scores for its results (best first; a repeated item counts at its first rank). */
    public QueryScore score(String query, List<String> results) {
        List<String> top = List.copyOf(new LinkedHashSet<>(results)).stream().limit(QuerySetScores.CUTOFF).toList();
        Map<String, Integer> grades = grades(query);
        int k = QuerySetScores.CUTOFF;
        List<String> unjudged = top.stream().filter(item -> !grades.containsKey(item)).toList();
        boolean relevant = grades.values().stream().anyMatch(g -> g > 0);
        return new QueryScore(query, top, Metrics.ndcgAt(top, grades, k), Metrics.precisionAt(top, grades, k),
                Metrics.reciprocalRankAt(top, grades, k), relevant, unjudged);
    }

    /** Every query's scores in the given order, and the means. */
    public QuerySetScores score(String set, String judgments, List<String> queries, Map<String, List<String>> results) {
        List<QueryScore> out = new ArrayList<>();
        for (String q : queries) {
            out.add(score(q, results.getOrDefault(q, List.of())));
        }
        return QuerySetScores.of(set, judgments, out);
    }
}
