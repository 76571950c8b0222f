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
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.CandidateUnion;
import io.ltrr.engine.rank.ExplorationSlots;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.MemoryStrategy;
import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.RewriteStrategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

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
    /** Where the chosen arms after the first retrieve while the caller runs the first; null: one after another. */
    private final Executor retrieval;

    public RoundEngine(Map<String, RetrievalStrategy> arms, CatalogTagger tagger, QueryMemory memory, long seed) {
        this(arms, tagger, memory, seed, QueryRewriter.NONE);
    }

    /** With the source of learned rewrites, whose probability becomes the context feature {@code rewrite.p}. */
    public RoundEngine(Map<String, RetrievalStrategy> arms, CatalogTagger tagger, QueryMemory memory, long seed,
                       QueryRewriter rewriter) {
        this(arms, tagger, memory, seed, rewriter, null);
    }

    private RoundEngine(Map<String, RetrievalStrategy> arms, CatalogTagger tagger, QueryMemory memory, long seed,
                        QueryRewriter rewriter, Executor retrieval) {
        this.retrieval = retrieval;
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
        this.arms = Map.copyOf(arms);
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.seed = seed;
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("arms: at least one arm is needed");
        }
    }

    /**
     * The same engine, its chosen arms retrieving at the same time: the arms that may retrieve on any thread
     * ({@link RetrievalStrategy#retrievesOnAnyThread}: they read the index only) go to {@code pool}, but for one
     * the caller keeps when there is no other; the caller runs the rest (the store's arms: a live search holds a
     * store transaction bound to its thread) and takes back any the pool has not started by the time it gets to
     * it (so a busy pool costs no more than retrieving one after another). The lists, and so the round, are the same as without it
     * (arms are thread-safe and deterministic). For a search someone waits for; a simulation, whose runs already
     * fill the cores ({@code compare}), keeps one thread per round.
     */
    public RoundEngine withParallelRetrieval(Executor pool) {
        return new RoundEngine(arms, tagger, memory, seed, rewriter, Objects.requireNonNull(pool, "pool"));
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
        return features(analysis, ctx, rewriter.rewrite(analysis.normalized()));
    }

    private ContextVector features(QueryAnalysis analysis, SearchContext ctx, Optional<QueryRewriter.Rewrite> rewrite) {
        double rewriteP = rewrite.map(QueryRewriter.Rewrite::probability).orElse(0.0);
        return ContextFeatures.extract(analysis, ctx, memory.knows(analysis.normalized()), rewriteP);
    }

    /**
     * The arms a policy may choose from for a query: the offered ones, without the {@code rewrite} arm when no
     * rewrite of the query is known (it would retrieve nothing, so a slot spent on it is wasted and the zero reward
     * it earns teaches the policy that rewrites are worthless). An arm left out is not offered that round: the
     * selection has no propensity for it (P = 0) and the log records only the arms that could be chosen, so an
     * off-policy replay of the round offers the target policy the same arms. When leaving it out would leave no arm,
     * the offered arms stay as they are.
     */
    public static List<String> eligible(List<String> offered, boolean rewriteKnown) {
        return eligible(offered, rewriteKnown, true);
    }

    /**
     * As {@link #eligible(List, boolean)}, and without the {@code memory} arm when the click memory does not know
     * the query (no clicks, impressions or cold-start prediction for it): it too would retrieve nothing, and on a
     * fresh folder it took one of the round's few slots from an arm that could read the query.
     */
    public static List<String> eligible(List<String> offered, boolean rewriteKnown, boolean memoryKnows) {
        List<String> out = offered.stream()
                .filter(a -> rewriteKnown || !a.equals(RewriteStrategy.ID))
                .filter(a -> memoryKnows || !a.equals(MemoryStrategy.ID))
                .toList();
        return out.isEmpty() ? offered : out;
    }

    /**
     * One round.
     *
     * @param offered the arms the policy may choose from, in display order (less the rewrite arm when it has no
     *                rewrite of the query; see {@link #eligible})
     * @param shown   how many ranked results to return
     */
    public Round run(String query, SearchContext ctx, SelectionPolicy policy, List<String> offered,
                     SelectionBudget budget, Ranker ranker, int shown) {
        return run(query, ctx, policy, offered, budget, ranker, shown, ExplorationSlots.defaults());
    }

    /** One round whose page has at most {@code slots.max()} exploration results, at its slots (ADR 0008). */
    public Round run(String query, SearchContext ctx, SelectionPolicy policy, List<String> offered,
                     SelectionBudget budget, Ranker ranker, int shown, ExplorationSlots slots) {
        QueryAnalysis analysis = tagger.analyze(query);
        Optional<QueryRewriter.Rewrite> rewrite = rewriter.rewrite(analysis.normalized());
        ContextVector x = features(analysis, ctx, rewrite);
        List<String> choosable = policy.skipsIneligibleArms()
                ? eligible(offered, rewrite.isPresent(), memory.knows(analysis.normalized())) : offered;
        Selection selection = policy.select(x, choosable, budget);
        RetrievalRequest request = new RetrievalRequest(query, analysis, seed ^ selection.round());
        Map<String, CandidateList> lists = retrieve(request, selection);
        List<RankedItem> results = rank(analysis, x, selection, lists, ranker, shown, ctx.profile(), slots);
        return new Round(query, ctx, analysis, x, selection, lists, results, ranker.id());
    }

    /** The chosen arms' lists, in the selection's order: one after another, or at the same time with a pool. */
    private Map<String, CandidateList> retrieve(RetrievalRequest request, Selection selection) {
        List<String> chosen = selection.chosen();
        Map<String, CandidateList> lists = new LinkedHashMap<>();
        if (retrieval == null || chosen.size() < 2) {
            for (String arm : chosen) {
                lists.put(arm, arms.get(arm).retrieve(request, selection.candidates().get(arm)));
            }
            return lists;
        }
        List<FutureTask<CandidateList>> tasks = new ArrayList<>(chosen.size());
        boolean[] pooled = new boolean[chosen.size()];
        int pooledCount = 0;
        for (int i = 0; i < chosen.size(); i++) {
            RetrievalStrategy strategy = arms.get(chosen.get(i));
            int k = selection.candidates().get(chosen.get(i));
            tasks.add(new FutureTask<>(() -> strategy.retrieve(request, k)));
            pooled[i] = strategy.retrievesOnAnyThread(); // an arm that reads the store stays on the caller's thread
            pooledCount += pooled[i] ? 1 : 0;
        }
        if (pooledCount == chosen.size()) {
            pooled[0] = false; // the caller has an arm of its own to run meanwhile
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (pooled[i]) {
                try {
                    retrieval.execute(tasks.get(i));
                } catch (RejectedExecutionException e) {
                    // the caller runs it below
                }
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (!pooled[i]) {
                tasks.get(i).run();
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            FutureTask<CandidateList> task = tasks.get(i);
            task.run(); // one the pool has not started yet; a no-op for a started or finished one
            lists.put(chosen.get(i), join(task));
        }
        return lists;
    }

    /** The task's list, waiting without giving up on an interrupt (the interrupt is kept for the caller). */
    private static CandidateList join(FutureTask<CandidateList> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
        return rank(analysis, x, selection, lists, ranker, shown, profile, ExplorationSlots.defaults());
    }

    /**
     * Ranks the whole union, then lays out the page: the ranker's order with the exploration results at their
     * slots ({@link ExplorationSlots}).
     */
    public static List<RankedItem> rank(QueryAnalysis analysis, ContextVector x, Selection selection,
                                        Map<String, CandidateList> lists, Ranker ranker, int shown,
                                        List<String> profile, ExplorationSlots slots) {
        Map<String, Double> means = new HashMap<>();
        for (String arm : lists.keySet()) {
            ArmDiagnostics d = selection.diagnostics().get(arm);
            means.put(arm, d == null ? 0.0 : d.mean());
        }
        Map<String, Map<String, ArmHit>> union = CandidateUnion.of(lists);
        // The whole union is ranked so exploration-only items cannot crowd the page and the others fill it.
        List<RankedItem> ranked = ranker.rank(new RankingInput(analysis, x, means, union, profile),
                Math.max(shown, union.size()));
        return slots.place(ranked, shown);
    }
}
