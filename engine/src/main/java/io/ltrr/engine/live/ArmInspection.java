package io.ltrr.engine.live;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.ltr.RankerRegistry;
import io.ltrr.engine.ltr.TrainableRanker;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.CandidateUnion;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import io.ltrr.engine.store.LearnedState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Looking into the arms without a bandit round: their own results, explanations, a ranker over their union. */
public final class ArmInspection {
    private ArmInspection() {
    }

    /**
     * Runs the given arms (all when empty) for a query and returns each arm's top {@code k}.
     *
     * @throws IllegalArgumentException for an unknown arm or a k out of range
     */
    public static ArmSearch searchArms(LiveServices live, String query, List<String> armIds, int k, long seed) {
        if (k < 1 || k > 10_000) {
            throw new IllegalArgumentException("k must be between 1 and 10000, was " + k);
        }
        QueryAnalysis analysis = live.tagger().analyze(query);
        List<String> wanted = armIds.isEmpty() ? List.copyOf(live.arms().keySet()) : armIds;
        ArmRegistry.requireKnown(wanted, live.arms());
        RetrievalRequest request = new RetrievalRequest(query, analysis, seed);
        Map<String, CandidateList> lists = new LinkedHashMap<>();
        Map<String, Long> micros = new LinkedHashMap<>();
        for (String id : wanted) {
            long t = System.nanoTime();
            lists.put(id, live.arms().get(id).retrieve(request, k));
            micros.put(id, (System.nanoTime() - t) / 1000);
        }
        // every candidate's item in one fetch (one request on a remote backend)
        Set<String> ids = new LinkedHashSet<>();
        lists.values().forEach(l -> l.candidates().forEach(c -> ids.add(c.itemId())));
        Map<String, Item> items = new HashMap<>();
        for (Item item : live.index().items(List.copyOf(ids))) {
            if (item == null) {
                throw new IllegalStateException("an arm returned an item the catalog does not hold");
            }
            items.put(item.id(), item);
        }
        return new ArmSearch(query, analysis, lists, micros, items);
    }

    /** Why an item of a search scored as it did in each chosen arm. */
    public static ExplainResult explain(LiveServices live, SearchResult result, String itemId, long seed) {
        RetrievalRequest request = new RetrievalRequest(result.query(), result.analysis(),
                seed ^ result.selection().round());
        Map<String, ScoreExplanation> perArm = new LinkedHashMap<>();
        for (String arm : result.selection().chosen()) {
            RetrievalStrategy s = live.arms().get(arm);
            if (s != null) {
                perArm.put(arm, s.explain(request, itemId));
            }
        }
        return new ExplainResult(itemId, perArm);
    }

    /**
     * Orders the union of an arm search's candidates with a ranker and its latest saved model, in a neutral
     * context (no user, device or time features; equal arm means for the RRF ranker); nothing is logged.
     *
     * @throws IllegalArgumentException for an unknown ranker
     */
    public static List<RankedItem> rankArms(LiveServices live, LearnedState learned, ArmSearch search,
                                            String rankerId, int n, long seed) {
        return rankArms(live, learned, search, rankerId, null, n, seed);
    }

    /**
     * As {@link #rankArms(LiveServices, LearnedState, ArmSearch, String, int, long)} with a given saved model
     * version of the ranker (null for the latest).
     *
     * @throws IllegalArgumentException when the ranker does not learn, or that version is not (or no longer) kept
     */
    public static List<RankedItem> rankArms(LiveServices live, LearnedState learned, ArmSearch search,
                                            String rankerId, Long version, int n, long seed) {
        Ranker ranker = RankerRegistry.create(rankerId, live.features(), seed);
        if (version != null && !(ranker instanceof TrainableRanker)) {
            throw new IllegalArgumentException("ranker '" + rankerId + "' does not learn, so it has no model versions");
        }
        if (ranker instanceof TrainableRanker t) {
            (version == null ? learned.latestRankerState(rankerId) : Optional.of(learned.rankerState(rankerId, version)
                    .orElseThrow(() -> new IllegalArgumentException("ranker '" + rankerId + "' has no model version "
                            + version + " (the latest is " + learned.latestRankerState(rankerId)
                            .map(s -> Long.toString(s.version())).orElse("none") + "; older ones are pruned)"))))
                    .ifPresent(st -> t.restore(st.json()));
        }
        RankingInput input = new RankingInput(search.analysis(), new ContextVector(List.of("bias"), new double[] {1}),
                Map.of(), CandidateUnion.of(search.lists()));
        return ranker.rank(input, n);
    }
}
