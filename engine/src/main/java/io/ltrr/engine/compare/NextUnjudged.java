package io.ltrr.engine.compare;

/**
 * The first result of a query set still to judge: the set's first query (in set order) with an unjudged result in
 * the top 10 of the current configuration, and that result.
 *
 * @param query  the query
 * @param itemId the best-ranked unjudged result
 * @param rank   its 1-based rank
 */
public record NextUnjudged(String query, String itemId, int rank) {
    /** The first query of scored results (in their order) with an unjudged top-10 result, if any. */
    public static java.util.Optional<NextUnjudged> of(io.ltrr.engine.api.QuerySetScores scores) {
        return scores.queries().stream().filter(q -> !q.unjudgedItems().isEmpty()).findFirst()
                .map(q -> new NextUnjudged(q.query(), q.unjudgedItems().getFirst(),
                        q.results().indexOf(q.unjudgedItems().getFirst()) + 1));
    }
}
