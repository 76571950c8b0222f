package io.ltrr.app.gui;

import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search window's state and commands: a query runs one bandit round, its results and the policy's
 * selection are shown, and clicks and ratings on results go back to the engine as feedback. Owns the
 * smaller ViewModels so one round updates them all together.
 */
public final class MainViewModel {
    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ContextViewModel context;
    private final SelectionViewModel selection = new SelectionViewModel();
    private final ExplainViewModel explain;
    private final StatusViewModel status;
    private final LogViewModel log;
    private final InterleaveViewModel interleave;
    private final SessionMetrics metrics = new SessionMetrics();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty rewrite = new SimpleStringProperty(this, "rewrite", "");
    private final StringProperty preference = new SimpleStringProperty(this, "preference", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyObjectWrapper<SearchResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>(this, "selected");
    /** The row the results list should select once the earlier judgments are in (-1: none asked). */
    private final IntegerProperty judgeRow = new SimpleIntegerProperty(this, "judgeRow", -1);
    private boolean judging;
    private String judgeItem;
    private final ObjectProperty<GradeScale> gradeScale = new SimpleObjectProperty<>(this, "gradeScale",
            GradeScale.defaults());

    public MainViewModel(WorkbenchService service, BackgroundRunner runner, Clock clock) {
        this.service = service;
        this.runner = runner;
        this.context = new ContextViewModel(clock);
        this.explain = new ExplainViewModel(service, runner);
        this.status = new StatusViewModel(service, runner);
        this.log = new LogViewModel(service, runner);
        this.interleave = new InterleaveViewModel(service, runner);
        selected.addListener((obs, old, row) -> {
            if (result.get() != null) {
                explain.show(result.get(), row);
            }
        });
    }

    public ContextViewModel context() {
        return context;
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public ExplainViewModel explain() {
        return explain;
    }

    public StatusViewModel status() {
        return status;
    }

    public LogViewModel log() {
        return log;
    }

    /** The interleaving switch: searches compare two rankers while it is on. */
    public InterleaveViewModel interleave() {
        return interleave;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /**
     * "rewritten as '…' (p=…)" when the rewrite arm contributed to the latest search (see {@link RewriteNotice}),
     * else empty.
     */
    public StringProperty rewriteProperty() {
        return rewrite;
    }

    /** True while a search runs (the query bar shows it and ignores a second Enter). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<SearchResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    /** The names of the grades on the rating chips (from the GUI settings). */
    public ObjectProperty<GradeScale> gradeScaleProperty() {
        return gradeScale;
    }

    /**
     * Where the keyboard goes after rating row {@code rated}: the next row the current annotator has not judged
     * for this query (now or earlier), searching down and then from the top; the next row when all are judged.
     */
    public int nextToRate(int rated) {
        int n = rows.size();
        String annotator = context.annotatorName();
        for (int step = 1; step < n; step++) {
            int i = (rated + step) % n;
            if (rows.get(i).unratedBy(annotator)) {
                return i;
            }
        }
        return Math.min(rated + 1, n - 1);
    }

    /**
     * The index of the row to judge, set after a {@link #searchToJudge} once the earlier judgments are known: the
     * first result nobody has judged for this query (the annotator's own grades and others' and imported ones
     * count), else the first the annotator has not. -1 otherwise.
     */
    public ReadOnlyIntegerProperty judgeRowProperty() {
        return judgeRow;
    }

    private Optional<Integer> rowOf(String itemId) {
        for (int i = 0; itemId != null && i < rows.size(); i++) {
            if (rows.get(i).itemId().equals(itemId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Index of the first row without any judgment, else the first the current annotator has not judged, else 0. */
    int firstToJudge() {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).unratedBy(context.annotatorName()) && rows.get(i).earlierProperty().get().isEmpty()) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : nextToRate(rows.size() - 1);
    }

    /**
     * A search for judging (a query set's "judge next", a disagreement): the selection then lands on {@code itemId}
     * when the page shows it, else on the first row to judge.
     */
    public void searchToJudge(String q, String itemId) {
        query.set(q);
        judgeRow.set(-1);
        judging = true;
        judgeItem = itemId;
        search();
    }

    /** Loads what the status bar and the log show; call once the index is there. */
    public void start() {
        // The first engine call on a new index also prepares the bandit (click memory seeded once): say so.
        status.messageProperty().set("preparing the bandit…");
        status.refresh();
        log.refresh();
        interleave.load();
    }

    /** What the user says they like, e.g. "I like jazz, more trip hop" (the preference field). */
    public StringProperty preferenceProperty() {
        return preference;
    }

    /**
     * Teaches the current user's stated preference: the profile persists and shapes their next search (context
     * features, and the ranker's profile match). The status bar shows the profile now, or why nothing was learnt.
     */
    public void statePreference() {
        String text = preference.get() == null ? "" : preference.get().trim();
        if (text.isEmpty()) {
            return;
        }
        String user = context.context().userId();
        runner.run("preference", () -> service.statePreference(user, text), u -> {
            preference.set("");
            status.messageProperty().set("profile of " + user + ": " + profileText(u.profile())
                    + " (used from the next search)");
        }, e -> {
            status.storeFailed(e);
            status.messageProperty().set("preference not learnt: " + e.getMessage());
        });
    }

    static String profileText(Map<String, Double> profile) {
        List<String> parts = new ArrayList<>();
        profile.forEach((style, w) -> parts.add(String.format(Locale.ROOT, "%s %+.2f", style, w)));
        return parts.isEmpty() ? "empty" : String.join(", ", parts);
    }

    /** Runs one bandit round for the query with the current context. */
    public void search() {
        String q = query.get() == null ? "" : query.get().trim();
        if (q.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        var ctx = context.context();
        var pair = interleave.pair();
        status.messageProperty().set("searching \"" + q + "\"…");
        runner.run("search", () -> pair.isPresent() ? service.search(q, ctx, pair.get()) : service.search(q, ctx),
                this::showResult, e -> {
            busy.set(false);
            status.storeFailed(e);
            status.messageProperty().set("search failed: " + e.getMessage());
        });
    }

    private void showResult(SearchResult r) {
        busy.set(false);
        List<ResultRow> shown = new ArrayList<>();
        r.results().forEach(ri -> shown.add(new ResultRow(ri, r.items().get(ri.itemId()))));
        // Counts and log first: the arms' explanations of the selected row queue behind them and may be slow.
        status.refreshCounts();
        log.refresh();
        interleave.refresh();
        selected.set(null);
        result.set(r);
        rewrite.set(RewriteNotice.of(r));
        selection.show(r);
        explain.showRound(r);
        rows.setAll(shown);
        loadEarlier(r, shown);
        metrics.onSearch(r);
        String done = String.format(Locale.ROOT, "%s: %d results from %s in %.1f ms", r.searchId(),
                shown.size(), String.join(", ", r.selection().chosen()), r.micros() / 1000.0);
        int exploring = r.explorationResults().size();
        if (exploring > 0) {
            done += " · " + exploring + " exploration result" + (exploring == 1 ? "" : "s") + " marked *";
        }
        // A warning (e.g. a ranker with no model, ranked by RRF instead) goes first: it changes what the page means.
        status.messageProperty().set(r.warnings().isEmpty() ? done : "⚠ " + String.join("; ", r.warnings())
                + " — " + done);
    }

    /** Shows on each row what was said about its item for the same query before (ratings and imports). */
    private void loadEarlier(SearchResult r, List<ResultRow> shown) {
        List<String> ids = shown.stream().map(ResultRow::itemId).toList();
        runner.run("earlier", () -> service.earlierJudgments(r.analysis().normalized(), ids), earlier -> {
            Map<String, List<EarlierJudgment>> byItem = earlier.stream()
                    .filter(j -> !r.searchId().equals(j.searchId()))
                    .collect(Collectors.groupingBy(EarlierJudgment::itemId));
            shown.forEach(row -> row.setEarlier(byItem.getOrDefault(row.itemId(), List.of())));
            if (judging) {
                judging = false;
                judgeRow.set(rowOf(judgeItem).orElseGet(this::firstToJudge));
            }
        }, e -> {
            judging = false;
            status.storeFailed(e);
            status.messageProperty().set("earlier judgments not read: " + e.getMessage());
        });
    }

    /** Records a click on a shown result. */
    public void click(ResultRow row) {
        SearchResult r = result.get();
        if (row == null || r == null) {
            return;
        }
        runner.run("click", () -> service.click(r.searchId(), row.itemId()),
                f -> feedbackDone(row, f, "clicked", true), e -> feedbackFailed(row, "click", e));
    }

    /**
     * Records an explicit rating of a shown result by the current annotator.
     *
     * @param grade 0..3, or null for "can't tell"
     */
    public void rate(ResultRow row, Integer grade) {
        SearchResult r = result.get();
        if (row == null || r == null) {
            return;
        }
        String annotator = context.annotatorName();
        String label = grade == null ? "can't tell" : "rated " + grade;
        runner.run("rate", () -> service.rate(r.searchId(), row.itemId(), grade, annotator),
                f -> {
                    row.setGrade(grade);
                    feedbackDone(row, f, label + " by " + annotator, false);
                }, e -> feedbackFailed(row, (grade == null ? "\"can't tell\"" : "rating " + grade) + " by "
                        + annotator, e));
    }

    private void feedbackDone(ResultRow row, FeedbackResult f, String what, boolean click) {
        if (click) {
            row.setFeedback(what); // a rating shows on the row's grade chips
            interleave.refresh();
        }
        selection.applyFeedback(f);
        metrics.onFeedback(f);
        status.messageProperty().set(String.format(Locale.ROOT, "%s #%d \"%s\" — saved as %s", what,
                row.position(), row.title(), f.eventId()));
        status.refreshCounts();
        log.refresh();
    }

    /**
     * Says that the feedback was not saved (the row keeps showing it unclicked or unrated): the engine did not
     * return, so nothing may be shown as saved. When the store is offline the status bar's store label says so at
     * once, and the engine's one line says whether anything reached the server.
     */
    private void feedbackFailed(ResultRow row, String what, Throwable e) {
        status.storeFailed(e);
        status.messageProperty().set(String.format(Locale.ROOT, "⚠ %s on #%d \"%s\" not saved: %s", what,
                row.position(), row.title(), FormValues.firstLine(e)));
    }

    /**
     * After File ▸ Feedback store… switched the store: the round shown was logged in the previous store, so it goes
     * (feedback on it could not be saved), and the status bar and the log are read again from the new store.
     */
    public void storeSwitched() {
        selected.set(null);
        result.set(null);
        rows.clear();
        rewrite.set("");
        judgeRow.set(-1);
        judging = false;
        selection.clear();
        explain.clear();
        status.refresh();
        log.refresh();
    }
}
