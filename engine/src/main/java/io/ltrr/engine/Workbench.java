package io.ltrr.engine;

import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.Offline;
import io.ltrr.engine.api.QueryLimits;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.UbiLogs;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.clicks.ClickJudgments;
import io.ltrr.engine.clicks.ClickModelOptions;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.clicks.ClickSessions;
import io.ltrr.engine.clicks.RelevanceEstimators;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.folder.DataFolderLock;
import io.ltrr.engine.folder.ScratchFolder;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.live.ArmInspection;
import io.ltrr.engine.live.BanditService;
import io.ltrr.engine.live.CatalogIndexing;
import io.ltrr.engine.live.InterleavingScores;
import io.ltrr.engine.live.LiveServices;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.ResetTarget;
import io.ltrr.engine.live.SelfLearning;
import io.ltrr.engine.offline.OfflineServices;
import io.ltrr.engine.offline.QuerySetService;
import io.ltrr.engine.offline.UbiLogService;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import io.ltrr.engine.store.StoreStatus;
import io.ltrr.engine.trace.StartupTrace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's facade: everything the GUI and the command line do goes through here, each call handed to a
 * service. Opening it locks the data folder and opens its feedback store; the live services over the catalog
 * index are built once, on first use, and again after {@link #index} rebuilt it. Thread-safe. Close it when done.
 */
public final class Workbench implements AutoCloseable {
    /** Replaced only by {@link #useBackend}, under the facade's lock. */
    private volatile WorkbenchConfig config;
    private final DataLayout layout;
    private final FeedbackStore store;
    private final OfflineServices offline;
    private final QuerySetService querySets;
    private final UbiLogs ubi;
    private TextEmbedder embedder;
    /** Guards {@link #embedder} alone: the background embedding loads the model without the facade's lock. */
    private final Object embedderLock = new Object();
    private LiveServices live;
    /**
     * Held by the background embedding while it runs (ADR 0013), and by anything that replaces or closes the index
     * after cancelling it: a rebuild never pulls the folder out from under the embedding.
     */
    private final ReentrantLock vectorWork = new ReentrantLock();
    /** The running background embedding's token (null when none runs), cancelled by a rebuild or close. */
    private volatile CancellationToken vectorCancel;
    /** Set when the background embedding completed: the next call reopens the live services, with the dense arm. */
    private volatile boolean vectorsArrived;
    private volatile boolean closed;
    private ScratchFolder scratch;

    private Workbench(WorkbenchConfig config, FeedbackStore store) {
        this.config = config;
        this.layout = new DataLayout(config.dataDir());
        this.store = store;
        this.offline = new OfflineServices(this, layout, store, this::embedder, this::live, config.seed(),
                () -> this.config.backend());
        this.querySets = new QuerySetService(store);
        this.ubi = new UbiLogService(this, layout, store, this::embedder, () -> this.config.backend());
    }

    /**
     * Opens the workbench on a data folder (created when missing): locks it and opens its store, where the
     * configuration's {@link WorkbenchConfig#store()} says (the folder's H2 database, or a shared PostgreSQL one).
     *
     * @throws IllegalStateException when another workbench holds the folder ("in use")
     */
    public static Workbench open(WorkbenchConfig config) {
        return open(config, FeedbackStores.open(config.dataDir(), config.store()));
    }

    /** Opens the workbench over a store already open on its data folder; the workbench closes it. */
    public static Workbench open(WorkbenchConfig config, FeedbackStore store) {
        return new Workbench(config, store);
    }

    /**
     * Opens the workbench for work that only reads the data folder (evaluation): the folder itself when it can be
     * locked, otherwise — in use by another workbench, or read-only — a {@link ScratchFolder} copy of it taken
     * now, deleted on close, so nothing done here is kept. {@link #readingCopyOf()} tells which.
     */
    public static Workbench openForReading(WorkbenchConfig config) {
        try {
            return open(config);
        } catch (DataFolderLock.FolderInUse | DataFolderLock.FolderNotWritable e) {
            ScratchFolder copy = ScratchFolder.copyOf(config.dataDir());
            try {
                Workbench wb = open(config.withDataDir(copy.path()));
                wb.scratch = copy;
                return wb;
            } catch (RuntimeException failed) {
                copy.close();
                throw failed;
            }
        }
    }

    /** Why this workbench works on a temporary copy of the folder (in use or read-only); empty when it does not. */
    public Optional<String> readingCopyOf() {
        return scratch == null ? Optional.empty() : Optional.of("the data folder is in use or read-only: "
                + "working on a temporary copy of it (nothing built or learned here is kept)");
    }

    public WorkbenchConfig config() {
        return config;
    }

    /** The shared sentence embedder, loaded on first use (about half a second). */
    private TextEmbedder embedder() {
        synchronized (embedderLock) {
            if (embedder == null) {
                embedder = StartupTrace.step("embedding model loaded", MiniLmEmbedder::new);
            }
            return embedder;
        }
    }

    /** The live services over the current index, built on first use. */
    private synchronized LiveServices live() {
        if (live != null && vectorsArrived && !live.index().hasVectors()) {
            // The dense arm joins here, between two calls: the services reopen over the index with its vectors.
            closeLive();
        }
        vectorsArrived = false;
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
        return Backends.isCurrent(config.backend(), layout);
    }

    /**
     * Why the catalog index cannot serve searches, verifying every file's checksum (reads the index once: for
     * commands that start, not for every call); empty when it can. Not synchronized: it only reads the index
     * files, so a command may run it on another thread while {@link #prepareSearch()} builds the live services.
     */
    public Optional<String> indexProblem() {
        return Backends.problem(config.backend(), layout);
    }

    /**
     * Builds what a search needs (the live services over the index: query understanding, click memory, arms,
     * rankers, the policy) without searching; nothing is logged. A no-op when they are built already. Lets a
     * command overlap this with {@link #indexProblem()}'s reading of the index on a second core (issue 22).
     */
    public synchronized void prepareSearch() {
        live();
    }

    /**
     * Builds the catalog index when it does not match the catalog and settings (always, with {@code force}), then
     * embeds what is missing of its vectors: the whole index, one phase after the other.
     */
    public synchronized IndexReport index(boolean force, ProgressListener progress, CancellationToken cancel) {
        return index(force, true, progress, cancel);
    }

    /**
     * As {@link #index(boolean, ProgressListener, CancellationToken)}; with {@code embedNow} false only the lexical
     * index is built (searches can start at once, without the dense arm) and the vectors are left to
     * {@link #embedVectors}. A background embedding running now is cancelled first (what it embedded is kept).
     */
    public synchronized IndexReport index(boolean force, boolean embedNow, ProgressListener progress,
                                          CancellationToken cancel) {
        stopVectors();
        try {
            closeLive();
            return CatalogIndexing.ensure(config, layout, this::embedder, force, embedNow, progress, cancel);
        } finally {
            vectorWork.unlock();
        }
    }

    /**
     * How far the catalog's sentence vectors are (ADR 0013): the dense arm is offered once they are complete.
     *
     * @throws IllegalStateException when there is no catalog index yet
     */
    public VectorStatus vectorStatus() {
        return CatalogIndexing.vectorStatus(config, layout);
    }

    /**
     * Embeds what is missing of the catalog's vectors and builds their graph, resuming where an earlier run stopped,
     * without the facade's lock: call it on a thread of its own while searches go on. When it completes, the next
     * call reopens the live services over the index with its vectors, and rounds offer the {@code dense} arm from
     * then on. One runs at a time (a second call waits); {@link #index}, {@link #useBackend} and {@link #close}
     * cancel it.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} (or a rebuild, or close) stopped it;
     *                                                    what was embedded is kept for the next run
     */
    public VectorStatus embedVectors(ProgressListener progress, CancellationToken cancel) {
        CancellationToken mine = new CancellationToken();
        vectorWork.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the workbench is closed");
            }
            vectorCancel = mine;
            if (cancel.isCancelled()) {
                mine.cancel();
            }
            ProgressListener relay = (phase, done, total) -> {
                if (cancel.isCancelled()) {
                    mine.cancel();
                }
                progress.progress(phase, done, total);
            };
            VectorStatus status = CatalogIndexing.embed(config, layout, this::embedder, relay, mine);
            vectorsArrived = status.complete();
            return status;
        } finally {
            vectorCancel = null;
            vectorWork.unlock();
        }
    }

    /** Cancels the background embedding, if one runs, and takes {@link #vectorWork} (the caller unlocks it). */
    private void stopVectors() {
        CancellationToken running = vectorCancel;
        if (running != null) {
            running.cancel();
        }
        vectorWork.lock();
    }

    /**
     * Moves the folder's catalog to another backend: builds it there (unless it is already up to date), then makes
     * it the folder's backend (remembered in {@code backend.json}) and serves searches from it. When the build
     * fails or is cancelled, the folder stays on its current backend.
     */
    public synchronized IndexReport useBackend(io.ltrr.engine.api.BackendChoice choice, ProgressListener progress,
                                               CancellationToken cancel) {
        WorkbenchConfig previous = config;
        stopVectors();
        try {
            closeLive();
            config = config.withBackend(choice);
            return CatalogIndexing.ensure(config, layout, this::embedder, false, progress, cancel);
        } catch (RuntimeException e) {
            config = previous;
            throw e;
        } finally {
            vectorWork.unlock();
        }
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

    /** As {@link #rankArms(ArmSearch, String, int)} with a saved model version of the ranker (null: the latest). */
    public synchronized List<RankedItem> rankArms(ArmSearch search, String rankerId, Long version, int n) {
        return ArmInspection.rankArms(live(), store.learnedState(), search, rankerId, version, n, config.seed());
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

    /**
     * The context features the active policy keeps separate statistics for, as declared in its options (empty for
     * a policy that keys on none by name: context-free, or linear over the whole context vector).
     */
    public synchronized List<String> policyContextFeatures() {
        return bandit().policy().contextFeatures();
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

    /**
     * The running interleaved comparison of two rankers (searches with {@link SearchRequest#withInterleave}): wins of
     * A, of B, ties, impressions and the sign test's p-value, with every click in the log so far.
     */
    public synchronized InterleavingComparison interleaving(RankerPair rankers) {
        return InterleavingScores.of(store.searchLog(), rankers);
    }

    /** Every interleaved comparison in the log, each pair the way round it was first interleaved. */
    public synchronized List<InterleavingComparison> interleavings() {
        return InterleavingScores.all(store.searchLog());
    }

    /** Forgets what the policies and rankers learned; the log stays; the policy starts again from its prior. */
    public synchronized void resetLearning() {
        resetLearning(ResetTarget.PRIOR);
    }

    /**
     * Forgets what the policies and rankers learned (the log stays); the policies start again from {@code target}:
     * the prior learned offline for the policy and this catalog (when one fits), or uniform.
     */
    public synchronized void resetLearning(ResetTarget target) {
        bandit().resetLearning(target);
    }

    /** What the active policy's learned state started from: a prior learned offline (which) or uniform (why). */
    public synchronized PolicyStart policyStart() {
        return bandit().policyStart();
    }

    /**
     * Whether the feedback store answers now, for a status bar: a shared PostgreSQL store may be offline (server
     * down or unreachable); asking reconnects a lost connection. Not under the facade's lock, so a long operation
     * does not hold it up; never throws for an unreachable server.
     */
    public StoreStatus storeStatus() {
        return store.status();
    }

    /** Evaluation, ranker training on judgments, off-policy estimates and agreement. */
    public Offline offline() {
        return offline;
    }

    /** UBI logs: imported from other systems (stored, read back as click sessions), and the own log written as UBI. */
    public UbiLogs ubi() {
        return ubi;
    }

    /** Writes the feature log (with labels from clicks and ratings) in SVMlight/RankLib format; returns the lines. */
    public synchronized long exportFeatures(Path out) {
        return bandit().rankers().export(out);
    }

    /** The latest events, newest first, optionally of one kind and containing a text. */
    public synchronized List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return store.searchLog().recent(n, kind, text);
    }

    /**
     * The earlier judgments of these items for a normalized query: every annotator's ratings in the log (oldest
     * first, can't-tell included), then the imported judgments by source. Read-only; for showing a repeated query.
     */
    public synchronized List<EarlierJudgment> earlierJudgments(String normalizedQuery, Collection<String> itemIds) {
        Set<String> items = new HashSet<>(itemIds);
        List<EarlierJudgment> out = new ArrayList<>();
        store.logReader().ratingsOf(normalizedQuery).stream().filter(r -> items.contains(r.itemId()))
                .forEach(r -> out.add(new EarlierJudgment(r.itemId(), r.grade(), r.annotator(), false, r.searchId(),
                        r.at())));
        store.judgments().ofQuery(normalizedQuery).stream().filter(j -> items.contains(j.itemId()))
                .forEach(j -> out.add(new EarlierJudgment(j.itemId(), j.grade(), j.source(), true, null, null)));
        return out;
    }

    /**
     * The data folder's own log as click sessions: every logged search's shown list with the positions clicked, in
     * search order, by normalized query. Another log's sessions (an imported UBI log) go to
     * {@link #judgmentsFromClicks} the same way.
     */
    public synchronized List<ClickSession> clickSessions() {
        return ClickSessions.fromLog(store.logReader());
    }

    /**
     * Fits a click model ({@link RelevanceEstimators#IDS}) on click sessions, grades the (query, item) pairs shown
     * at least {@link ClickModelOptions#minImpressions()} times and stores them as the judgment source
     * {@code source}, replacing what it had (when no pair qualifies nothing is stored and the source is unchanged).
     * The fit runs outside the workbench's lock; storing is one transaction. Evaluation, query sets and ranker
     * training then use the source like an imported one.
     *
     * @throws IllegalArgumentException for an unknown model or a bad source name
     */
    public ClickJudgments judgmentsFromClicks(List<ClickSession> sessions, String model, ClickModelOptions options,
                                              String source) {
        ClickJudgments derived = ClickJudgments.derive(sessions, RelevanceEstimators.of(model), options, source);
        synchronized (this) {
            return derived.withStored(store.judgments().importAll(source, derived.judgments(), true));
        }
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

    /**
     * Stores a query set of typed queries (stripped; blank ones dropped, repeats kept once).
     *
     * @throws IllegalArgumentException for a bad or taken name, a query over {@link QueryLimits}, or no query
     */
    public synchronized QuerySet createQuerySet(String name, List<String> queries) {
        return querySets.create(name, queries);
    }

    /** Stores a query set of a file's queries (one per line, or CSV with a query column); bad lines come back. */
    public synchronized QuerySetImport importQuerySet(String name, Path file) {
        return querySets.importFile(name, file);
    }

    /** Stores a query set sampled from the search log (frequent, random or proportional; seeded). */
    public synchronized QuerySet sampleQuerySet(String name, QuerySampling strategy, int size, long seed) {
        return querySets.sample(name, strategy, size, seed);
    }

    /** Every query set, by name. */
    public synchronized List<QuerySet> querySets() {
        return querySets.list();
    }

    /** The query set of that name. */
    public synchronized Optional<QuerySet> querySet(String name) {
        return querySets.find(name);
    }

    /** Deletes a query set and its runs; false when there was none. */
    public synchronized boolean deleteQuerySet(String name) {
        return querySets.delete(name);
    }

    /**
     * Scores result lists of a set's queries (query → item ids, best first; a query without results scores 0)
     * against a judgment source: nDCG@10, P@10, MRR@10 and unjudged results per query, and the means.
     */
    public synchronized QuerySetScores scoreQuerySet(String name, Map<String, List<String>> results,
                                                     JudgmentSource source) {
        return querySets.score(name, results, source);
    }

    /** As {@link #scoreQuerySet}, for any queries (a single query's comparison); {@code label} names them. */
    public synchronized QuerySetScores scoreQueries(String label, List<String> queries,
                                                    Map<String, List<String>> results, JudgmentSource source) {
        return querySets.score(label, queries, results, source);
    }

    /** The judgments of a set's queries from a source, as scoring uses them (for qrels and Quepid exports). */
    public synchronized List<Judgment> querySetJudgments(String name, JudgmentSource source) {
        return querySets.setJudgments(name, source);
    }

    /** Stores a run of a set: its results as snapshot JSON and its scores' means. */
    public synchronized QuerySetRun saveQuerySetRun(String name, String description, String snapshotJson,
                                                    QuerySetScores scores) {
        return querySets.saveRun(name, description, snapshotJson, scores);
    }

    /** A set's runs, oldest first: its mean scores over time. */
    public synchronized List<QuerySetRun> querySetRuns(String name) {
        return querySets.runs(name);
    }

    /** A stored run by id. */
    public synchronized Optional<QuerySetRun> querySetRun(long runId) {
        return querySets.run(runId);
    }

    private synchronized void closeLive() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stopVectors();
        try {
            closeLive();
        } finally {
            vectorWork.unlock();
            try {
                store.close();
            } finally {
                if (scratch != null) {
                    scratch.close();
                }
            }
        }
    }
}
