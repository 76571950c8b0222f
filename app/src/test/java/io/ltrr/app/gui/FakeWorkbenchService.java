package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.StoreStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A workbench without an engine, for the retrieval backend's and the feedback store's ViewModels: a backend choice,
 * a switch that succeeds with a given reason or fails with a given message; a store choice, a store switch that
 * succeeds or fails, a store that can be taken offline and back; the status bar's figures; and for the
 * interleaving switch, two rankers and a given running score. Searching and feedback are not part of it.
 */
final class FakeWorkbenchService implements WorkbenchService {
    /** What a store that went offline says, as the engine's shared store does. */
    static final String OFFLINE = "the feedback store jdbc:postgresql://db.example:5432/ltrr is offline (Connection "
            + "refused): nothing of this was saved; it reconnects when the server answers again";

    private BackendChoice backend;
    private RuntimeException failure;
    private String reason = "no index yet";
    final List<BackendChoice> switches = new ArrayList<>();
    private volatile StoreChoice store = StoreChoice.h2();
    private volatile List<LogEvent> events = List.of();
    private RuntimeException storeFailure;
    private volatile boolean offline;
    final List<StoreChoice> storeSwitches = new ArrayList<>();
    /** The pairs whose interleaved score was asked for, in order. */
    final List<RankerPair> scoresAsked = new ArrayList<>();
    private InterleavingComparison score;

    FakeWorkbenchService(BackendChoice backend) {
        this.backend = backend;
    }

    /** The next switches fail with {@code e} (after reporting some progress), the backend unchanged. */
    FakeWorkbenchService failingWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    /** The next store switches fail with {@code e}, the store unchanged. */
    FakeWorkbenchService storeFailingWith(RuntimeException e) {
        this.storeFailure = e;
        return this;
    }

    /** Uses {@code choice} as the store from now on (as if opened on it). */
    FakeWorkbenchService storeOn(StoreChoice choice) {
        this.store = choice;
        return this;
    }

    /** Takes the store offline (its status says why) or brings it back. */
    void offline(boolean off) {
        this.offline = off;
    }

    /** The interleaved score of any pair asked for: these counts, under the pair's names. */
    FakeWorkbenchService scoring(long aWins, long bWins, long ties) {
        this.score = new InterleavingComparison(new RankerPair("x", "y"), aWins, bWins, ties);
        return this;
    }

    @Override
    public synchronized InterleavingComparison interleaving(RankerPair rankers) {
        scoresAsked.add(rankers);
        return score == null ? InterleavingComparison.empty(rankers)
                : new InterleavingComparison(rankers, score.aWins(), score.bWins(), score.ties());
    }

    /** The next switches succeed with this reason in their report. */
    FakeWorkbenchService reporting(String why) {
        this.reason = why;
        return this;
    }

    @Override
    public Path dataDir() {
        return Path.of("fake-data");
    }

    @Override
    public boolean hasIndex() {
        return true;
    }

    @Override
    public IndexReport index(ProgressListener progress, CancellationToken cancel) {
        return report(true);
    }

    /** What {@link #embedVectors} does, with its progress and cancellation (by default: nothing to embed). */
    private volatile BiFunction<ProgressListener, CancellationToken, VectorStatus> embedding;

    /** {@link #embedVectors} runs {@code build}. */
    FakeWorkbenchService embedding(BiFunction<ProgressListener, CancellationToken, VectorStatus> build) {
        this.embedding = build;
        return this;
    }

    @Override
    public VectorStatus embedVectors(ProgressListener progress, CancellationToken cancel) {
        return embedding == null ? VectorStatus.none(10) : embedding.apply(progress, cancel);
    }

    @Override
    public BackendChoice backend() {
        return backend;
    }

    @Override
    public IndexReport useBackend(BackendChoice choice, ProgressListener progress, CancellationToken cancel) {
        switches.add(choice);
        progress.progress("indexing", 5, 10);
        if (failure != null) {
            throw failure;
        }
        backend = choice;
        return report(true);
    }

    private IndexReport report(boolean rebuilt) {
        IndexStats stats = new IndexStats(10, Map.of("track", 10), "folding", "", "f", 1_000, "2026-11-20T12:00:00Z");
        return new IndexReport(stats, rebuilt, 10, List.of(), "catalog.jsonl", 1_500, reason);
    }

    @Override
    public StoreChoice store() {
        return store;
    }

    @Override
    public StoreStatus storeStatus() {
        return new StoreStatus(store.kind(), store.isPostgresql() ? store.where() : "fake-data",
                offline ? Optional.of(OFFLINE) : Optional.empty());
    }

    @Override
    public void useStore(StoreChoice choice) {
        storeSwitches.add(choice);
        if (storeFailure != null) {
            throw storeFailure;
        }
        store = choice;
    }

    @Override
    public int catalogSize() {
        return 10;
    }

    @Override
    public SearchResult search(String query, SearchContext context) {
        throw new UnsupportedOperationException("the fake does not search");
    }

    @Override
    public FeedbackResult click(String searchId, String itemId) {
        throw new UnsupportedOperationException("the fake takes no feedback");
    }

    @Override
    public FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        throw new UnsupportedOperationException("the fake takes no feedback");
    }

    @Override
    public ExplainResult explain(SearchResult result, String itemId) {
        throw new UnsupportedOperationException("the fake does not explain");
    }

    @Override
    public String policyId() {
        return "thompson";
    }

    @Override
    public List<String> policyIds() {
        return List.of("thompson");
    }

    @Override
    public void switchPolicy(String policyId) {
        throw new UnsupportedOperationException("the fake has one policy");
    }

    @Override
    public String rankerId() {
        return "rrf";
    }

    @Override
    public Map<String, Long> rankerVersions() {
        return Map.of("rrf", -1L, "pairwise", 1L);
    }

    @Override
    public List<String> rankerIds() {
        return List.of("rrf", "pairwise");
    }

    @Override
    public void switchRanker(String rankerId) {
        throw new UnsupportedOperationException("the fake's active ranker stays rrf");
    }

    @Override
    public List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return events.stream().filter(e -> kind == null || e.kind() == kind).limit(n).toList();
    }

    /** The log's events from now on, newest first (as another workbench writing a shared store would change it). */
    FakeWorkbenchService logging(List<LogEvent> newestFirst) {
        this.events = List.copyOf(newestFirst);
        return this;
    }

    @Override
    public Map<String, Long> logCounts() {
        return Map.of("searches", 0L, "clicks", 0L, "ratings", 0L);
    }

    @Override
    public ProfileUpdate statePreference(String user, String text) {
        throw new UnsupportedOperationException("the fake keeps no profiles");
    }

    @Override
    public void close() {
    }
}
