package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.StoreOfflineException;
import io.ltrr.engine.store.StoreStatus;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real workbench whose feedback store plays a shared server that can go away: while {@link #offline} is set,
 * clicks, ratings and searches throw {@link StoreOfflineException} as the engine's PostgreSQL store does (nothing
 * saved), and the store's status says it is offline; everything else, and everything while online, is the real
 * workbench's.
 */
final class StoreOutageService implements WorkbenchService {
    static final String WHERE = "jdbc:postgresql://db.example:5432/ltrr";

    private final WorkbenchService real;
    private volatile boolean offline;

    StoreOutageService(WorkbenchService real) {
        this.real = real;
    }

    /** Takes the server away, or brings it back. */
    void offline(boolean off) {
        this.offline = off;
    }

    private void failWhenOffline() {
        if (offline) {
            throw new StoreOfflineException(FakeWorkbenchService.OFFLINE, null);
        }
    }

    @Override
    public StoreChoice store() {
        return StoreChoice.postgresql(WHERE, "kim", null);
    }

    @Override
    public StoreStatus storeStatus() {
        return new StoreStatus("postgresql", WHERE, offline ? Optional.of(FakeWorkbenchService.OFFLINE)
                : Optional.empty());
    }

    @Override
    public void useStore(StoreChoice choice) {
        throw new UnsupportedOperationException("the outage keeps its store");
    }

    @Override
    public SearchResult search(String query, SearchContext context) {
        failWhenOffline();
        return real.search(query, context);
    }

    @Override
    public FeedbackResult click(String searchId, String itemId) {
        failWhenOffline();
        return real.click(searchId, itemId);
    }

    @Override
    public FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        failWhenOffline();
        return real.rate(searchId, itemId, grade, annotator);
    }

    @Override
    public Path dataDir() {
        return real.dataDir();
    }

    @Override
    public boolean hasIndex() {
        return real.hasIndex();
    }

    @Override
    public IndexReport index(ProgressListener progress, CancellationToken cancel) {
        return real.index(progress, cancel);
    }

    @Override
    public BackendChoice backend() {
        return real.backend();
    }

    @Override
    public IndexReport useBackend(BackendChoice choice, ProgressListener progress, CancellationToken cancel) {
        return real.useBackend(choice, progress, cancel);
    }

    @Override
    public int catalogSize() {
        return real.catalogSize();
    }

    @Override
    public ExplainResult explain(SearchResult result, String itemId) {
        return real.explain(result, itemId);
    }

    @Override
    public String policyId() {
        return real.policyId();
    }

    @Override
    public List<String> policyIds() {
        return real.policyIds();
    }

    @Override
    public void switchPolicy(String policyId) {
        real.switchPolicy(policyId);
    }

    @Override
    public String rankerId() {
        return real.rankerId();
    }

    @Override
    public Map<String, Long> rankerVersions() {
        return real.rankerVersions();
    }

    @Override
    public List<String> rankerIds() {
        return real.rankerIds();
    }

    @Override
    public void switchRanker(String rankerId) {
        real.switchRanker(rankerId);
    }

    @Override
    public List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return real.recentEvents(n, kind, text);
    }

    @Override
    public List<EarlierJudgment> earlierJudgments(String normalizedQuery, Collection<String> itemIds) {
        return real.earlierJudgments(normalizedQuery, itemIds);
    }

    @Override
    public Map<String, String> titles() {
        return real.titles();
    }

    @Override
    public Map<String, Long> logCounts() {
        return real.logCounts();
    }

    @Override
    public ProfileUpdate statePreference(String user, String text) {
        return real.statePreference(user, text);
    }

    @Override
    public void close() {
        real.close();
    }
}
