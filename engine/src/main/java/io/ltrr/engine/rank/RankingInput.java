package io.ltrr.engine.rank;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.qu.QueryAnalysis;
import java.util.Map;
import java.util.Objects;

/**
 * What a ranker orders: the union of candidates with provenance, for a query in a context.
 *
 * @param analysis  query understanding of the query
 * @param x         the round's context features
 * @param armMeans  the bandit's estimated reward of each chosen arm in this context
 * @param union     item id → (arm id → hit), see {@link CandidateUnion}
 * @param profile   the searching user's preferred styles (learned rankers match them against the items')
 */
public record RankingInput(QueryAnalysis analysis, ContextVector x, Map<String, Double> armMeans,
                           Map<String, Map<String, ArmHit>> union, java.util.List<String> profile) {
    public RankingInput {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(x, "x");
        armMeans = Map.copyOf(armMeans);
        union = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(union));
        profile = profile == null ? java.util.List.of() : java.util.List.copyOf(profile);
    }

    /** Without a user profile. */
    public RankingInput(QueryAnalysis analysis, ContextVector x, Map<String, Double> armMeans,
                        Map<String, Map<String, ArmHit>> union) {
        this(analysis, x, armMeans, union, java.util.List.of());
    }
}
