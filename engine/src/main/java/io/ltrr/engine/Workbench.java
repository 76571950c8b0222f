package io.ltrr.engine;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.round.RoundEngine;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.H2FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.Q2ePrediction;
import java.time.Clock;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's facade: everything the GUI and the command line do goes through here. Thread-safe; the index
 * is opened on first use. Close it when done.
 */
public final class Workbench implements AutoCloseable {
    private final WorkbenchConfig config;
    private final DataLayout layout;
    private TextEmbedder embedder;
    private CatalogIndex index;
    private Map<String, RetrievalStrategy> arms;
    private CatalogTagger tagger;
    private H2FeedbackStore store;
    private BanditService bandit;
    private SelfLearning learning;

    private Workbench(WorkbenchConfig config) {
        this.config = config;
        this.layout = new DataLayout(config.dataDir());
    }

    /** Opens the workbench on a data folder (created when missing). Does not build anything yet. */
    public static Workbench open(WorkbenchConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataDir() + ": "
                    + e.getMessage(), e);
        }
        return new Workbench(config);
    }

    public WorkbenchConfig config() {
        return config;
    }

    /** The shared sentence embedder, loaded on first use (about half a second). */
    public synchronized TextEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder();
        }
        return embedder;
    }

    /**
     * Whether a usable index of the catalog exists: false when there is none or it was written by an older
     * index format (then it must be rebuilt). The catalog itself may still have changed; {@link #index}
     * checks that.
     */
    public boolean hasIndex() {
        return CatalogIndex.isCurrent(layout.catalogIndex());
    }

    /**
     * Makes sure the catalog index matches the configured catalog and settings, building it when it does
     * not (or always, with {@code force}).
     */
    public synchronized IndexReport index(boolean force, ProgressListener progress, CancellationToken cancel) {
        LoadResult catalog = loadCatalog();
        if (catalog.loaded() == 0) {
            throw new IllegalArgumentException("the catalog " + config.catalog().path() + " has no loadable item ("
                    + catalog.summary() + ")");
        }
        closeIndex();
        long start = System.nanoTime();
        CatalogIndexer.Ensured ensured = new CatalogIndexer(this::embedder)
                .ensure(catalog.items(), config.indexSettings(), layout.catalogIndex(), force, progress, cancel);
        long millis = ensured.rebuilt() ? (System.nanoTime() - start) / 1_000_000 : 0;
        try {
            config.catalog().save(layout.catalogSource());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.catalogSource(), e);
        }
        return new IndexReport(ensured.stats(), ensured.rebuilt(), catalog.loaded(), catalog.problems(),
                config.catalog().path().toString(), millis);
    }

    /** Stats of the current catalog index, when there is one. */
    public synchronized Optional<IndexStats> indexStats() {
        return hasIndex() ? Optional.of(openIndex().stats()) : Optional.empty();
    }

    /** Ids of the arms available on the current index, in display order. */
    public synchronized List<String> armIds() {
        return List.copyOf(arms().keySet());
    }

    /** Each arm's description, by id. */
    public synchronized Map<String, String> armDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        arms().forEach((id, arm) -> out.put(id, arm.description()));
        return out;
    }

    /**
     * Runs the given arms (all when empty) for a query and returns each arm's top {@code k}.
     *
     * @throws IllegalArgumentException for an unknown arm, a k out of range or a query over
     *                                  {@link QueryLimits#MAX_QUERY_CHARS} characters
     */
    public ArmSearch searchArms(String query, List<String> armIds, int k) {
        QueryLimits.check(query);
        if (k < 1 || k > 10_000) {
            throw new IllegalArgumentException("k must be between 1 and 10000, was " + k);
        }
        Map<String, RetrievalStrategy> available;
        QueryAnalysis analysis;
        synchronized (this) {
            available = arms();
            analysis = tagger().analyze(query);
        }
        List<String> wanted = armIds.isEmpty() ? List.copyOf(available.keySet()) : armIds;
        ArmRegistry.requireKnown(wanted, available);
        RetrievalRequest request = new RetrievalRequest(query, analysis, config.seed());
        Map<String, CandidateList> lists = new LinkedHashMap<>();
        Map<String, Long> micros = new LinkedHashMap<>();
        for (String id : wanted) {
            long t = System.nanoTime();
            lists.put(id, available.get(id).retrieve(request, k));
            micros.put(id, (System.nanoTime() - t) / 1000);
        }
        Map<String, Item> items = new java.util.HashMap<>();
        synchronized (this) {
            CatalogIndex open = openIndex();
            lists.values().forEach(l -> l.candidates().forEach(c ->
                    items.computeIfAbsent(c.itemId(), id -> open.itemById(id).orElseThrow())));
        }
        return new ArmSearch(query, analysis, lists, micros, items);
    }

    /**
     * Orders the union of an arm search's candidates with a ranker and its latest saved model, as a search
     * would but without a bandit round: nothing is logged, no state changes, and the same call gives the same
     * list. The context is neutral (no user, device or time features; equal arm means for the RRF ranker).
     *
     * @param rankerId one of {@link io.ltrr.engine.ltr.RankerRegistry#IDS}
     * @throws IllegalArgumentException for an unknown ranker
     */
    public synchronized List<io.ltrr.engine.rank.RankedItem> rankArms(ArmSearch search, String rankerId, int n) {
        io.ltrr.engine.ltr.FeatureExtractor extractor = featureExtractor();
        io.ltrr.engine.rank.Ranker ranker = io.ltrr.engine.ltr.RankerRegistry.create(rankerId, extractor,
                config.seed());
        if (ranker instanceof io.ltrr.engine.ltr.TrainableRanker t) {
            store().latestRankerState(rankerId).ifPresent(st -> t.restore(st.json()));
        }
        io.ltrr.engine.rank.RankingInput input = new io.ltrr.engine.rank.RankingInput(search.analysis(),
                new io.ltrr.engine.bandit.ContextVector(List.of("bias"), new double[] {1}), Map.of(),
                io.ltrr.engine.rank.CandidateUnion.of(search.lists()));
        return ranker.rank(input, n);
    }

    /**
     * Evaluates arms on a BEIR-format collection (its index is built under the data folder on first use).
     *
     * @throws IllegalArgumentException for a missing split, an unknown arm or metric, or an empty corpus
     */
    public EvalReport evaluate(EvalRequest request, ProgressListener progress, CancellationToken cancel) {
        try {
            return new CollectionEvaluator(layout, this::embedder, config.seed()).evaluate(request, progress, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate on " + request.collection() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A seeded sample of realistic queries for benchmarks: titles, artist names, "artist title", style
     * phrases, each a random catalog item's; the same seed gives the same queries.
     */
    public synchronized List<String> sampleQueries(int n, long seed) {
        return io.ltrr.engine.perf.BenchQueries.sample(openIndex().allItems(), n, seed);
    }

    private LoadResult loadCatalog() {
        try {
            return config.catalog().load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + config.catalog().path() + ": "
                    + e.getMessage(), e);
        }
    }

    private CatalogIndex openIndex() {
        if (index == null) {
            if (!hasIndex()) {
                throw new IllegalStateException("no catalog index in " + layout.catalogIndex()
                        + " yet (build it with: ltrr index)");
            }
            index = CatalogIndex.openLazily(layout.catalogIndex(), this::embedder);
        }
        return index;
    }

    private Map<String, RetrievalStrategy> arms() {
        if (arms == null) {
            arms = ArmRegistry.create(openIndex(), config.armSettings(), tagger(), new StoreQueryMemory(store()),
                    learning().rewriter());
        }
        return arms;
    }

    /** The query-understanding tagger, built from the indexed catalog on first use. */
    private CatalogTagger tagger() {
        if (tagger == null) {
            tagger = CatalogTagger.build(openIndex().allItems());
        }
        return tagger;
    }

    /** Query understanding of a text: normalized tokens, interpretations with likelihoods, query type. */
    public synchronized QueryAnalysis analyze(String query) {
        return tagger().analyze(query);
    }

    /** The feedback store of the data folder, opened on first use (one process per data folder). */
    private H2FeedbackStore store() {
        if (store == null) {
            store = H2FeedbackStore.open(config.dataDir());
        }
        return store;
    }

    /** The live bandit over the current index, created on first use; seeds the click memory once per index. */
    private BanditService bandit() {
        if (bandit == null) {
            CatalogIndex idx = openIndex();
            WorkbenchState state = WorkbenchState.load(layout.state());
            String fingerprint = idx.stats().fingerprint();
            if (!fingerprint.equals(state.q2ePredictedFor())) {
                List<Q2ePrediction> predictions = new java.util.ArrayList<>();
                for (Q2ePredictor.Prediction p : Q2ePredictor.predict(idx.allItems())) {
                    predictions.add(new Q2ePrediction(p.normalizedQuery(), p.itemId(), p.score()));
                }
                store().q2eUpsertPredicted(predictions);
                state.setQ2ePredictedFor(fingerprint);
            }
            RoundEngine engine = new RoundEngine(arms(), tagger(), new StoreQueryMemory(store()), config.seed(),
                    learning().rewriter());
            RankerService rankers = new RankerService(store(), new io.ltrr.engine.ltr.FeatureExtractor(idx,
                    new StoreQueryMemory(store())), state, config.seed());
            bandit = new BanditService(store(), engine, idx, rankers, state, config.seed(), Clock.systemUTC());
        }
        return bandit;
    }

    /**
     * One search: a bandit round over the arms, logged with its propensities.
     *
     * @throws IllegalStateException    when there is no index yet
     * @throws IllegalArgumentException for a query over {@link QueryLimits#MAX_QUERY_CHARS} characters
     */
    public synchronized SearchResult search(String query, SearchContext context) {
        QueryLimits.check(query);
        SearchResult result = bandit().search(query, learning().preferences().personalize(context));
        learning().searched(result.searchId());
        return result;
    }

    /** A click on a shown result: committed, then the policy learns. */
    public synchronized FeedbackResult click(String searchId, String itemId) {
        FeedbackResult result = bandit().click(searchId, itemId);
        learning().clicked(searchId);
        return result;
    }

    /**
     * An explicit rating of a shown result.
     *
     * @param grade 0..3, or null for "can't tell"
     */
    public synchronized FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        return bandit().rate(searchId, itemId, grade, annotator);
    }

    /**
     * Why an item of a search scored as it did in each chosen arm (the ranker's own explanation is on the
     * result itself).
     */
    public ExplainResult explain(SearchResult result, String itemId) {
        Map<String, RetrievalStrategy> available;
        synchronized (this) {
            available = arms();
        }
        RetrievalRequest request = new RetrievalRequest(result.query(), result.analysis(),
                config.seed() ^ result.selection().round());
        Map<String, io.ltrr.engine.retrieval.ScoreExplanation> perArm = new LinkedHashMap<>();
        for (String arm : result.selection().chosen()) {
            RetrievalStrategy s = available.get(arm);
            if (s != null) {
                perArm.put(arm, s.explain(request, itemId));
            }
        }
        return new ExplainResult(itemId, perArm);
    }

    /** The active policy's id. */
    public synchronized String policyId() {
        return bandit().policy().id();
    }

    public synchronized List<String> policyIds() {
        return bandit().policyIds();
    }

    /** Makes another policy active (with what it learned before, if anything); remembered across restarts. */
    public synchronized void switchPolicy(String policyId) {
        bandit().switchPolicy(policyId);
    }

    /** The active ranker's id. */
    public synchronized String rankerId() {
        return bandit().rankers().id();
    }

    /** Every ranker id, in display order. */
    public synchronized List<String> rankerIds() {
        return bandit().rankers().ids();
    }

    /** The latest saved model version of each trainable ranker (0 when it has none yet). */
    public synchronized Map<String, Long> rankerVersions() {
        return bandit().rankers().versions();
    }

    /** Makes another ranker active (with its latest model); remembered across restarts. */
    public synchronized void switchRanker(String rankerId) {
        bandit().rankers().use(rankerId);
    }

    /**
     * Trains a ranker from the logged features and feedback plus the judged queries of imported judgments (see
     * {@link #evaluateJudgments}): each judged query's candidates from every arm, labelled by their grades.
     *
     * @param judgmentSource an imported source name, or "all"
     * @throws IllegalArgumentException for a ranker that does not learn, an unknown source, or nothing to learn
     */
    public synchronized RankerTraining trainRanker(String rankerId, String judgmentSource) {
        JudgmentEvaluation.Judged judged = JudgmentEvaluation.judged(
                io.ltrr.engine.store.JudgmentTable.of(store()).all(), judgmentSource);
        java.util.List<io.ltrr.engine.ltr.RankingExample> examples = JudgmentEvaluation.trainingExamples(judged,
                arms(), featureExtractor(), tagger(), config.seed());
        return bandit().rankers().train(rankerId, examples, judged.queries().size() + " queries judged in '"
                + judgmentSource + "'");
    }

    /**
     * Evaluates arms (and rankers) of the indexed catalog against judgments imported into the data folder: every
     * judged query with a relevant item runs through each arm; metrics as in {@link #evaluate}. With rankers the
     * judged queries are split 80/20 (seeded) and learned rankers train on the 80 %.
     *
     * @param judgmentSource an imported source name (by default the imported file's name), or "all"
     * @throws IllegalArgumentException for an unknown source or arm, or judgments without a relevant item
     * @throws IllegalStateException    when there is no index yet
     */
    public synchronized EvalReport evaluateJudgments(String judgmentSource, List<String> armIds, List<String> metrics,
                                                     int depth, java.nio.file.Path runFile, List<String> rankers,
                                                     ProgressListener progress, CancellationToken cancel) {
        EvalRequest request = JudgmentEvaluation.request(config.dataDir(), judgmentSource, armIds, metrics, depth,
                runFile, rankers);
        JudgmentEvaluation.Judged judged = JudgmentEvaluation.judged(
                io.ltrr.engine.store.JudgmentTable.of(store()).all(), judgmentSource);
        Map<String, RetrievalStrategy> all = arms();
        ArmRegistry.requireKnown(request.arms(), all);
        try {
            return JudgmentEvaluation.evaluate(request, judged, all, tagger(), featureExtractor(), openIndex().size(),
                    config.seed(), progress, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate against judgments '" + judgmentSource + "': "
                    + e.getMessage(), e);
        }
    }

    /** The imported relevance judgments, by source, query and item. */
    public synchronized List<io.ltrr.engine.store.Judgment> judgments() {
        return io.ltrr.engine.store.JudgmentTable.of(store()).all();
    }

    /**
     * Off-policy estimates of targets on this data folder's log, best doubly robust value first (see
     * {@link io.ltrr.engine.ope.LogEvaluation}). The log is read under the workbench's lock; the estimates and
     * their bootstrap run outside it, so searches are not held up meanwhile.
     *
     * @throws IllegalArgumentException for an unknown policy id or an empty log
     */
    public java.util.List<io.ltrr.engine.ope.OpeEstimate> offPolicyEstimates(List<String> targets,
            io.ltrr.engine.ope.PolicyTarget.Mode mode, io.ltrr.engine.ope.OffPolicyEstimator estimator, long policySeed) {
        List<io.ltrr.engine.store.LoggedRound> rounds;
        Map<String, Optional<io.ltrr.engine.store.PolicySnapshot>> states = new LinkedHashMap<>();
        synchronized (this) {
            rounds = io.ltrr.engine.store.LogReader.of(store()).rounds();
            for (String t : targets) {
                if (!t.startsWith(io.ltrr.engine.ope.FixedArmTarget.PREFIX)) {
                    states.put(t, store().latestPolicyState(t));
                }
            }
        }
        return io.ltrr.engine.ope.LogEvaluation.of(rounds, id -> states.getOrDefault(id, Optional.empty()))
                .evaluate(targets, mode, estimator, policySeed);
    }

    /**
     * Inter-annotator agreement over the log's ratings (see {@link io.ltrr.engine.agreement.AnnotatorAgreement}).
     *
     * @param annotators whom to compare, or empty for everyone with a graded rating
     * @throws IllegalArgumentException when fewer than two annotators are compared or one has no graded rating
     */
    public synchronized io.ltrr.engine.agreement.AgreementReport agreement(List<String> annotators) {
        return io.ltrr.engine.agreement.AnnotatorAgreement.of(io.ltrr.engine.store.LogReader.of(store()).ratings(),
                annotators);
    }

    /** The ranker features' extractor over the current index (the one the live rankers use). */
    private io.ltrr.engine.ltr.FeatureExtractor featureExtractor() {
        return new io.ltrr.engine.ltr.FeatureExtractor(openIndex(), new StoreQueryMemory(store()));
    }

    /**
     * Trains a ranker from the logged features and feedback and saves the model as its next version.
     *
     * @throws IllegalArgumentException for a ranker that does not learn, or a log with nothing to learn from
     */
    public synchronized RankerTraining trainRanker(String rankerId) {
        return bandit().rankers().train(rankerId);
    }

    /** Writes the feature log (with labels from clicks and ratings) in SVMlight/RankLib format; returns the lines. */
    public synchronized long exportFeatures(java.nio.file.Path out) {
        try (java.io.Writer w = Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            return bandit().rankers().export(w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** Sets how many arms a round may choose and how many candidates they bring. */
    public synchronized void setBudget(SelectionBudget budget) {
        bandit().setBudget(budget);
    }

    /** How many ranked results a search shows (1 … 1000). */
    public synchronized void setShown(int n) {
        bandit().setShown(n);
    }

    public synchronized SelectionBudget budget() {
        return bandit().budget();
    }

    /** Forgets what the policies and rankers learned; the log stays. */
    public synchronized void resetLearning() {
        bandit().resetLearning();
    }

    /** The latest events, newest first, optionally of one kind and containing a text. */
    public synchronized List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return store().recent(n, kind, text);
    }

    /** Counts of the log: searches, clicks, ratings. */
    public synchronized Map<String, Long> logCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("searches", store().searches());
        m.put("clicks", store().clicks());
        m.put("ratings", store().ratings());
        return m;
    }

    /** A logged search, for display. */
    public synchronized Optional<Impression> impression(String searchId) {
        return store().impression(searchId);
    }

    private void closeIndex() {
        if (bandit != null) {
            bandit.close();
            bandit = null;
        }
        arms = null;
        tagger = null;
        if (index != null) {
            index.close();
            index = null;
        }
    }

    @Override
    public synchronized void close() {
        closeIndex();
        if (learning != null) {
            learning.close();
            learning = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** Reformulation learning and stated profiles, opened after the store (which holds the folder lock). */
    private SelfLearning learning() {
        if (learning == null) {
            store();
            // Queries related in meaning count as reformulations only where the index has vectors (the dense arm
            // loads the model anyway); on a lexical-only index the similarity is 0 and the model is never loaded.
            // Asked only after a search was logged, so the index is open.
            io.ltrr.engine.rewrite.SemanticSimilarity semantic = (a, b) -> openIndex().embedder()
                    .map(e -> io.ltrr.engine.rewrite.QuerySimilarity.cosine(e.embed(a), e.embed(b))).orElse(0.0);
            learning = SelfLearning.open(config.dataDir(), io.ltrr.engine.rewrite.ReformulationConfig.defaults(),
                    semantic);
        }
        return learning;
    }

    /**
     * A user states a preference ("I like jazz", "more trip hop", "less ambient"): the styles it names (from the
     * indexed catalog) move the user's persisted profile, which the user's next search uses.
     *
     * @throws IllegalArgumentException when the text names no known style or genre
     * @throws IllegalStateException    when there is no index yet
     */
    public synchronized io.ltrr.engine.prefs.ProfileUpdate statePreference(String userId, String text) {
        return learning().preferences().state(userId, text, SelfLearning.parser(openIndex().allItems()));
    }

    /** A user's stated profile: weight in [-1, 1] by style, strongest liking first; empty when none. */
    public synchronized Map<String, Double> profile(String userId) {
        return learning().preferences().weights(userId);
    }

    /** The rewrite learned from reformulations for a query (normalized first), if any. */
    public synchronized Optional<io.ltrr.engine.retrieval.QueryRewriter.Rewrite> rewriteOf(String query) {
        return learning().rewriter().rewrite(tagger().analyze(query).normalized());
    }
}
