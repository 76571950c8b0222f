package io.ltrr.engine;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.Offline;
import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.live.ArmInspection;
import io.ltrr.engine.live.BanditService;
import io.ltrr.engine.live.CatalogIndexing;
import io.ltrr.engine.live.LiveServices;
import io.ltrr.engine.live.SelfLearning;
import io.ltrr.engine.offline.OfflineServices;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.h2.H2FeedbackStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's facade: everything the GUI and the command line do goes through here, each call handed to a
 * service. Opening it locks the data folder and opens its feedback store; the live services over the catalog
 * index are built once, on first use, and again after {@link #index} rebuilt it. Thread-safe. Close it when done.
 */
public final class Workbench implements AutoCloseable {
    private final WorkbenchConfig config;
    private final DataLayout layout;
    private final FeedbackStore store;
    private final OfflineServices offline;
    private TextEmbedder embedder;
    private LiveServices live;

    private Workbench(WorkbenchConfig config, FeedbackStore store) {
        this.config = config;
        this.layout = new DataLayout(config.dataDir());
        this.store = store;
        this.offline = new OfflineServices(this, layout, store, this::embedder, this::live, config.seed());
    }

    /**
     * Opens the workbench on a data folder (created when missing): locks it and opens its store.
     *
     * @throws IllegalStateException when another workbench holds the folder ("in use")
     */
    public static Workbench open(WorkbenchConfig config) {
        return open(config, H2FeedbackStore.open(config.dataDir()));
    }

    /** Opens the workbench over a store already open on its data folder; the workbench closes it. */
    public static Workbench open(WorkbenchConfig config, FeedbackStore store) {
        return new Workbench(config, store);
    }

    public WorkbenchConfig config() {
        return config;
    }

    /** The shared sentence embedder, loaded on first use (about half a second). */
    private synchronized TextEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder();
        }
        return embedder;
    }

    /** The live services over the current index, built on first use. */
    private synchronized LiveServices live() {
        if (live == null) {
            if (!hasIndex()) {
                throw new IllegalStateException("no catalog index in " + layout.catalogIndex()
                        + " yet (build it with: ltrr index)");
            }
            live = LiveServices.open(config, layout, store, this::embedder);
        }
        return live;
    }

    private BanditService bandit() {
        return live().bandit();
    }
    /** Whether a usable index exists (false when none, or one of an older index format that must be rebuilt). */
    public boolean hasIndex() {
        return CatalogIndex.isCurrent(layout.catalogIndex());
    }

    /**
     * Why the catalog index cannot serve searches, verifying every file's checksum (reads the index once: for
     * commands that start, not for every call); empty when it can.
     */
    public synchronized Optional<String> indexProblem() {
        if (!hasIndex()) {
            return Optional.of("no usable index yet (first use or an older index format)");
        }
        return CatalogIndex.damage(layout.catalogIndex()).map(d -> "the index is damaged (" + d + ")");
    }

    /** Builds the catalog index when it does not match the catalog and settings (always, with {@code force}). */
    public synchronized IndexReport index(boolean force, ProgressListener progress, CancellationToken cancel) {
        closeLive();
        return CatalogIndexing.ensure(config, layout, this::embedder, force, progress, cancel);
    }

    /** Stats of the current catalog index, when there is one. */
    public synchronized Optional<IndexStats> indexStats() {
        return hasIndex() ? Optional.of(live().index().stats()) : Optional.empty();
    }

    /** Every indexed item, in index order. */
    public synchronized List<Item> items() {
        return live().index().allItems();
    }

    /** Ids of the arms available on the current index, in display order. */
    public synchronized List<String> armIds() {
        return List.copyOf(live().arms().keySet());
    }

    /** Each arm's description, by id. */
    public synchronized Map<String, String> armDescriptions() {
        return live().armDescriptions();
    }

    /** The named arms' (all when empty) own top {@code k} for a query; no round, nothing logged. */
    public synchronized ArmSearch searchArms(String query, List<String> armIds, int k) {
        QueryLimits.check(query);
        return ArmInspection.searchArms(live(), query, armIds, k, config.seed());
    }

    /** The union of an arm search ordered by a ranker's latest model; no round, nothing logged. */
    public synchronized List<RankedItem> rankArms(ArmSearch search, String rankerId, int n) {
        return ArmInspection.rankArms(live(), store.learnedState(), search, rankerId, n, config.seed());
    }

    /** Why an item of a search scored as it did in each chosen arm. */
    public synchronized ExplainResult explain(SearchResult result, String itemId) {
        return ArmInspection.explain(live(), result, itemId, config.seed());
    }

    /** Query understanding of a text: normalized tokens, interpretations with likelihoods, query type. */
    public synchronized QueryAnalysis analyze(String query) {
        return live().tagger().analyze(query);
    }

    /** One search: a bandit round over the arms, logged with its propensities in one transaction. */
    public synchronized SearchResult search(SearchRequest request) {
        SearchContext personal = live().learning().preferences().personalize(request.context());
        return bandit().search(request.withContext(personal));
    }

    /** A search with the default budget and shown count, ordered by the active ranker. */
    public SearchResult search(String query, SearchContext context) {
        return search(SearchRequest.of(query, context));
    }

    /** A click on a shown result: committed with what the policy and rankers learned from it. */
    public synchronized FeedbackResult click(String searchId, String itemId) {
        return bandit().click(searchId, itemId);
    }

    /** An explicit rating of a shown result: grade 0..3, or null for "can't tell". */
    public synchronized FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        return bandit().rate(searchId, itemId, grade, annotator);
    }

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

    /**
     * Whether annotators' explicit ratings train the live policy (ADR 0009): stored in the data folder's state,
     * off by default; clicks always do.
     */
    public synchronized boolean ratingsTrain() {
        return bandit().ratingsTrain();
    }

    /** Turns training the live policy on annotators' ratings on or off; remembered across restarts. */
    public synchronized void setRatingsTrain(boolean on) {
        bandit().setRatingsTrain(on);
    }

    public synchronized String rankerId() {
        return bandit().rankers().id();
    }

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

    /** Trains a ranker from the feature log and saves the model as its next version. */
    public synchronized RankerTraining trainRanker(String rankerId) {
        return bandit().rankers().train(rankerId);
    }

    /** Forgets what the policies and rankers learned; the log stays. */
    public synchronized void resetLearning() {
        bandit().resetLearning();
    }

    /** Evaluation, ranker training on judgments, off-policy estimates and agreement. */
    public Offline offline() {
        return offline;
    }

    /** Writes the feature log (with labels from clicks and ratings) in SVMlight/RankLib format; returns the lines. */
    public synchronized long exportFeatures(Path out) {
        return bandit().rankers().export(out);
    }

    /** The latest events, newest first, optionally of one kind and containing a text. */
    public synchronized List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return store.searchLog().recent(n, kind, text);
    }

    /** Counts of the log: searches, clicks, ratings. */
    public synchronized Map<String, Long> logCounts() {
        return store.logReader().counts();
    }

    /** A logged search, for display. */
    public synchronized Optional<Impression> impression(String searchId) {
        return store.searchLog().impression(searchId);
    }

    /** A stated preference ("I like jazz", "less ambient") moves the user's profile, which the next search uses. */
    public synchronized ProfileUpdate statePreference(String userId, String text) {
        return live().learning().preferences().state(userId, text, SelfLearning.parser(live().index().allItems()));
    }

    /** A user's stated profile: weight in [-1, 1] by style, strongest liking first; empty when none. */
    public synchronized Map<String, Double> profile(String userId) {
        return live().learning().preferences().weights(userId);
    }

    /** The rewrite learned from reformulations for a query (normalized first), if any. */
    public synchronized Optional<QueryRewriter.Rewrite> rewriteOf(String query) {
        return live().learning().rewriter().rewrite(live().tagger().analyze(query).normalized());
    }

    private synchronized void closeLive() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeLive();
        } finally {
            store.close();
        }
    }
}
