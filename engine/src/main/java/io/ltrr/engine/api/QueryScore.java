package io.ltrr.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * One query's scores at cutoff 10 against a judgment source (trec_eval definitions, see {@code eval.Metrics}).
 *
 * @param query          the query as the set holds it
 * @param results        the result item ids scored, best first (at most 10)
 * @param ndcg           nDCG@10
 * @param precision      P@10
 * @param mrr            MRR@10
 * @param relevantJudged whether the query has at least one judged relevant (grade &gt; 0) item; queries without
 *                       one score 0 everywhere and are left out of the set's means
 * @param unjudgedItems  the top-10 results without a judgment, best first
 */
public record QueryScore(String query, List<String> results, double ndcg, double precision, double mrr,
                         boolean relevantJudged, List<String> unjudgedItems) {
    public QueryScore {
        Objects.requireNonNull(query, "query");
        results = List.copyOf(results);
        unjudgedItems = List.copyOf(unjudgedItems);
    }

    /** Unjudged results in the top 10. */
    public int unjudged() {
        return unjudgedItems.size();
    }
}
