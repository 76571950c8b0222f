package io.ltrr.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A query set's per-query scores and their means.
 *
 * @param set        the set's name
 * @param judgments  the judgment source, as text ("own", "imported:NAME", "all")
 * @param queries    per query, in set order
 * @param meanNdcg   mean nDCG@10 over the queries with a judged relevant item (NaN when there are none)
 * @param meanPrecision mean P@10 over the same queries
 * @param meanMrr    mean MRR@10 over the same queries
 */
public record QuerySetScores(String set, String judgments, List<QueryScore> queries, double meanNdcg,
                             double meanPrecision, double meanMrr) {
    /** The cutoff of every figure. */
    public static final int CUTOFF = 10;

    public QuerySetScores {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(judgments, "judgments");
        queries = List.copyOf(queries);
    }

    /** Means over the queries with a judged relevant item (NaN when none). */
    public static QuerySetScores of(String set, String judgments, List<QueryScore> queries) {
        List<QueryScore> judged = queries.stream().filter(QueryScore::relevantJudged).toList();
        return new QuerySetScores(set, judgments, queries,
                judged.stream().mapToDouble(QueryScore::ndcg).average().orElse(Double.NaN),
                judged.stream().mapToDouble(QueryScore::precision).average().orElse(Double.NaN),
                judged.stream().mapToDouble(QueryScore::mrr).average().orElse(Double.NaN));
    }

    /** Queries counted in the means. */
    public int judgedQueries() {
        return (int) queries.stream().filter(QueryScore::relevantJudged).count();
    }

    /** Unjudged top-10 results over all queries. */
    public int unjudged() {
        return queries.stream().mapToInt(QueryScore::unjudged).sum();
    }
}
