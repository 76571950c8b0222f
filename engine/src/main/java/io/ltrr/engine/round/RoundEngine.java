package io.ltrr.engine.round;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.CandidateUnion;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the flow of one search (ARCHITECTURE.md): query understanding → context features → the policy's
 * selection → the chosen arms retrieve their k_a → union with provenance → ranking. Nothing is logged
 * here; the facade logs, the simulator does not. Thread-safe when the policy is used by one caller at a time.
 */
public final class RoundEngine {
    private final Map<String, RetrievalStrategy> arms;
    private final CatalogTagger tagger;
    private final QueryMemory memory;
    private final long seed;
    private final QueryRewriter rewriter;

    public RoundEngine(Map<String, RetrievalStrategy> arms, CatalogTagger tagger, QueryMemory memory, long seed) {
        this(arms, tagger, memory, seed, QueryRewriter.NONE);
    }

    /** With the source of learned rewrites, whose probability becomes the context feature {@code rewrite.p}. */
    public RoundEngine(Map<String, RetrievalStrategy> arms, CatalogTagger tagger, QueryMemory memory, long seed,
                       QueryRewriter rewriter) {
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
        this.arms = Map.copyOf(arms);
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.seed = seed;
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("arms: at least one arm is needed");
        }
    }

    public List<String> armIds(List<String> order) {
        return order.stream().filter(arms::containsKey).toList();
    }

    public Map<String, RetrievalStrategy> arms() {
        return arms;
    }

    public QueryMemory memory() {
        return memory;
    }

    public QueryAnalysis analyze(String query) {
        return tagger.analyze(query);
    }

    public ContextVector features(QueryAnalysis analysis, SearchContext ctx) {
        double rewriteP = rewriter.rewrite(analysis.normalized()).map(QueryRewriter.Rewrite::probability).orElse(0.0);
        return ContextFeatures.extract(analysis, ctx, memory.knows(analysis.normalized()), rewriteP);
    }

    /**
     * One round.
     *
     * @param offered the arms the policy may choose from, in display order
     * @param shown   how many ranked results to return
     */
    public Round run(String query, SearchContext ctx, SelectionPolicy policy, List<String> offered,
                     SelectionBudget budget, Ranker ranker, int shown) {
        QueryAnalysis analysis = tagger.analyze(query);
        ContextVector x = features(analysis, ctx);
        Selection selection = policy.select(x, offered, budget);
        RetrievalRequest request = new RetrievalRequest(query, analysis, seed ^ selection.round());
        Map<String, CandidateList> lists = new LinkedHashMap<>();
        for (String arm : selection.chosen()) {
            lists.put(arm, arms.get(arm).retrieve(request, selection.candidates().get(arm)));
        }
        List<RankedItem> results = rank(analysis, x, selection, lists, ranker, shown, ctx.profile());
        return new Round(query, ctx, analysis, x, selection, lists, results, ranker.id());
    }

    /** Ranks the union of the given lists with the selection's estimated means as arm weights. */
    public static List<RankedItem> rank(QueryAnalysis analysis, ContextVector x, Selection selection,
                                        Map<String, CandidateList> lists, Ranker ranker, int shown) {
        return rank(analysis, x, selection, lists, ranker, shown, List.of());
    }

    /** As {@link #rank(QueryAnalysis, ContextVector, Selection, Map, Ranker, int)}, for a user with a profile. */
    public static List<RankedItem> rank(QueryAnalysis analysis, ContextVector x, Selection selection,
                                        Map<String, CandidateList> lists, Ranker ranker, int shown,
                                        List<String> profile) {
        Map<String, Double> means = new HashMap<>();
        for (String arm : lists.keySet()) {
            ArmDiagnostics d = selection.diagnostics().get(arm);
            means.put(arm, d == null ? 0.0 : d.mean());
        }
        return ranker.rank(new RankingInput(analysis, x, means, CandidateUnion.of(lists), profile), shown);
    }
}
