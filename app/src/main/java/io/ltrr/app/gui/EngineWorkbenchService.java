package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.StoreStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real {@link WorkbenchService}: the engine facade, one call each. Switching the feedback store reopens the
 * facade on the new store (the data folder's lock passes from the old one to the new one), so the analysis and
 * query-set sources reach the facade through this service, never holding an old one.
 */
public final class EngineWorkbenchService implements WorkbenchService {
    /** Replaced only by {@link #useStore}, while holding {@link #storeSwitch}. */
    private volatile Workbench workbench;
    /** Held by a store switch and by a status check, so a check never asks a facade being closed. */
    private final Object storeSwitch = new Object();
    private Map<String, String> titles;

    public EngineWorkbenchService(Workbench workbench) {
        this.workbench = workbench;
    }

    @Override
    public Optional<OpeLeaderboardViewModel.Source> opeSource() {
        return Optional.of(AnalysisWindows.opeSource(this::workbench));
    }

    @Override
    public Optional<AgreementViewModel.Source> agreementSource() {
        return Optional.of(AnalysisWindows.agreementSource(this::workbench));
    }

    @Override
    public Optional<QuerySetSource> querySetSource() {
        return Optional.of(new EngineQuerySetSource(this::workbench));
    }

    private Workbench workbench() {
        return workbench;
    }

    @Override
    public Path dataDir() {
        return workbench.config().dataDir();
    }

    @Override
    public boolean hasIndex() {
        return workbench.hasIndex();
    }

    @Override
    public IndexReport index(ProgressListener progress, CancellationToken cancel) {
        return workbench.index(false, false, progress, cancel);
    }

    /** Not behind the facade's lock: searches go on while it runs (and a store switch waits for nothing). */
    @Override
    public VectorStatus embedVectors(ProgressListener progress, CancellationToken cancel) {
        return workbench.embedVectors(progress, cancel);
    }

    @Override
    public BackendChoice backend() {
        return workbench.config().backend();
    }

    @Override
    public IndexReport useBackend(BackendChoice choice, ProgressListener progress, CancellationToken cancel) {
        return workbench.useBackend(choice, progress, cancel);
    }

    @Override
    public StoreChoice store() {
        return workbench.config().store();
    }

    @Override
    public StoreStatus storeStatus() {
        synchronized (storeSwitch) {
            return workbench.storeStatus();
        }
    }

    /**
     * Closes the facade (releasing the data folder), opens one with the same configuration on the chosen store and
     * remembers the choice; when that fails, opens the previous configuration again. Call it on the worker that
     * runs searches and feedback, so none is in flight on the facade being closed.
     *
     * @throws IllegalStateException when neither the new store nor the previous one opens (restart the workbench)
     */
    @Override
    public void useStore(StoreChoice choice) {
        synchronized (storeSwitch) {
            WorkbenchConfig previous = workbench.config();
            RuntimeException closing = null;
            try {
                workbench.close();
            } catch (RuntimeException e) {
                // A store whose server is gone may fail to close; the folder's lock is released regardless, and
                // leaving that store is what was asked.
                closing = e;
            }
            Workbench next = null;
            try {
                next = Workbench.open(previous.withStore(choice));
                choice.write(new DataLayout(previous.dataDir()).store());
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.close();
                }
                RuntimeException failure = e instanceof RuntimeException r ? r : new UncheckedIOException(
                        "cannot remember the store in " + new DataLayout(previous.dataDir()).store() + ": "
                        + e.getMessage(), (IOException) e);
                if (closing != null) {
                    failure.addSuppressed(closing);
                }
                throw stayOn(previous, failure);
            }
            workbench = next;
        }
    }

    /** Opens the previous configuration again after a failed switch; returns what to throw. */
    private RuntimeException stayOn(WorkbenchConfig previous, RuntimeException failure) {
        try {
            workbench = Workbench.open(previous);
            return failure;
        } catch (RuntimeException reopen) {
            failure.addSuppressed(reopen);
            return new IllegalStateException(FormValues.firstLine(failure) + "; and the previous store ("
                    + previous.store().describe() + ") did not open again either: " + FormValues.firstLine(reopen)
                    + " — close the window and open the folder again", failure);
        }
    }

    @Override
    public int catalogSize() {
        return workbench.indexStats().map(s -> s.items()).orElse(0);
    }

    @Override
    public SearchResult search(String query, SearchContext context) {
        return workbench.search(query, context);
    }

    @Override
    public SearchResult search(String query, SearchContext context, RankerPair interleave) {
        return workbench.search(SearchRequest.of(query, context).withInterleave(interleave));
    }

    @Override
    public InterleavingComparison interleaving(RankerPair rankers) {
        return workbench.interleaving(rankers);
    }

    @Override
    public FeedbackResult click(String searchId, String itemId) {
        return workbench.click(searchId, itemId);
    }

    @Override
    public FeedbackResult rate(String searchId, String itemId, Integer grade, String annotator) {
        return workbench.rate(searchId, itemId, grade, annotator);
    }

    @Override
    public ExplainResult explain(SearchResult result, String itemId) {
        return workbench.explain(result, itemId);
    }

    @Override
    public String policyId() {
        return workbench.policyId();
    }

    @Override
    public List<String> policyIds() {
        return workbench.policyIds();
    }

    @Override
    public void switchPolicy(String policyId) {
        workbench.switchPolicy(policyId);
    }

    @Override
    public boolean ratingsTrain() {
        return workbench.ratingsTrain();
    }

    @Override
    public void setRatingsTrain(boolean on) {
        workbench.setRatingsTrain(on);
    }

    @Override
    public String rankerId() {
        return workbench.rankerId();
    }

    @Override
    public ProfileUpdate statePreference(String user, String text) {
        return workbench.statePreference(user, text);
    }

    @Override
    public Map<String, Long> rankerVersions() {
        return workbench.rankerVersions();
    }

    @Override
    public List<String> rankerIds() {
        return workbench.rankerIds();
    }

    @Override
    public void switchRanker(String rankerId) {
        workbench.switchRanker(rankerId);
    }

    @Override
    public List<LogEvent> recentEvents(int n, LogEvent.Kind kind, String text) {
        return workbench.recentEvents(n, kind, text);
    }

    @Override
    public List<EarlierJudgment> earlierJudgments(String normalizedQuery, Collection<String> itemIds) {
        return workbench.earlierJudgments(normalizedQuery, itemIds);
    }

    /** Read once (the catalog changes only with a new index, which restarts the window). */
    @Override
    public synchronized Map<String, String> titles() {
        if (titles == null) {
            if (!workbench.hasIndex()) {
                return Map.of();
            }
            Map<String, String> t = new HashMap<>();
            workbench.items().forEach(i -> t.put(i.id(), i.artist() == null || i.artist().isBlank() ? i.title()
                    : i.title() + " — " + i.artist()));
            titles = Map.copyOf(t);
        }
        return titles;
    }

    @Override
    public Map<String, Long> logCounts() {
        return workbench.logCounts();
    }

    @Override
    public void close() {
        workbench.close();
    }
}
