package io.ltrr.app.gui;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.prefs.ProfileUpdate;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.LogEvent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real {@link WorkbenchService}: the engine facade, one call each. */
public final class EngineWorkbenchService implements WorkbenchService {
    private final Workbench workbench;
    private Map<String, String> titles;

    public EngineWorkbenchService(Workbench workbench) {
        this.workbench = workbench;
    }

    @Override
    public Optional<OpeLeaderboardViewModel.Source> opeSource() {
        return Optional.of(AnalysisWindows.opeSource(workbench));
    }

    @Override
    public Optional<AgreementViewModel.Source> agreementSource() {
        return Optional.of(AnalysisWindows.agreementSource(workbench));
    }

    @Override
    public Optional<QuerySetSource> querySetSource() {
        return Optional.of(new EngineQuerySetSource(workbench));
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
        return workbench.index(false, progress, cancel);
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
