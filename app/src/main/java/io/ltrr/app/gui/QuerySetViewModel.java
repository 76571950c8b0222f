package io.ltrr.app.gui;

import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Query sets: create one (typed queries, a file, or a sample of the log), list the sets, and for the selected
 * set its queries' nDCG@10, P@10, MRR@10 and unjudged results against a judgment source; judge the next unjudged
 * result in the main window; run the whole set (a stored snapshot) with progress and cancel; its runs' means over
 * time; exports. Engine calls go through the {@link BackgroundRunner}.
 */
public final class QuerySetViewModel {
    /** One query of the selected set with its scores. */
    public record QueryRow(String query, double ndcg, double precision, double mrr, int unjudged,
                           boolean relevantJudged) {
        static QueryRow of(QueryScore s) {
            return new QueryRow(s.query(), s.ndcg(), s.precision(), s.mrr(), s.unjudged(), s.relevantJudged());
        }
    }

    private final QuerySetSource source;
    private final BackgroundRunner runner;
    private final Consumer<String> openQuery;
    private final ObservableList<String> sets = FXCollections.observableArrayList();
    private final ObservableList<QueryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QuerySetRun> runs = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final StringProperty judgments = new SimpleStringProperty(this, "judgments", "all");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final ObjectProperty<QuerySampling> strategy = new SimpleObjectProperty<>(this, "strategy",
            QuerySampling.FREQUENT);
    private final IntegerProperty sampleSize = new SimpleIntegerProperty(this, "sampleSize", 20);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 7);
    private final StringProperty means = new SimpleStringProperty(this, "means", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private CancellationToken cancel;
    /** What the last action did, kept in front of the scoring's status that follows it. */
    private String notice = "";

    /** @param openQuery runs a query in the main window (focus on its results), for "judge next unjudged" */
    public QuerySetViewModel(QuerySetSource source, BackgroundRunner runner, Consumer<String> openQuery) {
        this.source = Objects.requireNonNull(source, "source");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.openQuery = Objects.requireNonNull(openQuery, "openQuery");
        selected.addListener((obs, o, n) -> load());
        judgments.addListener((obs, o, n) -> load());
    }

    public ObservableList<String> sets() {
        return sets;
    }

    public ObservableList<QueryRow> rows() {
        return rows;
    }

    /** The selected set's stored runs, oldest first (the score chart's points). */
    public ObservableList<QuerySetRun> runs() {
        return runs;
    }

    /** Lines of the last imported file that were not queries. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The selected set's name, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** "own", "all" or "imported:SOURCE". */
    public StringProperty judgmentsProperty() {
        return judgments;
    }

    /** The name of the set to create. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Typed queries, one per line. */
    public StringProperty typedProperty() {
        return typed;
    }

    public ObjectProperty<QuerySampling> strategyProperty() {
        return strategy;
    }

    public IntegerProperty sampleSizeProperty() {
        return sampleSize;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The selected set's means, as text. */
    public StringProperty meansProperty() {
        return means;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** A run's share done, 0..1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** True while a run is going (Cancel is enabled). */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** True while any engine call of this window is going. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Reloads the list of sets, keeping the selection when the set is still there. */
    public void refreshSets() {
        call("sets", source::sets, list -> {
            String keep = selected.get();
            sets.setAll(list.stream().map(QuerySet::name).toList());
            if (keep != null && sets.contains(keep)) {
                load();
            } else {
                selected.set(sets.isEmpty() ? null : sets.getFirst());
            }
        });
    }

    /** Creates a set of the typed queries (one per line). */
    public void createTyped() {
        String n = name.get() == null ? "" : name.get().strip();
        List<String> queries = Arrays.stream((typed.get() == null ? "" : typed.get()).split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        call("create", () -> source.create(n, queries), s -> {
            typed.set("");
            created(s, List.of());
        });
    }

    /** Creates a set of a file's queries; the lines that were not queries are listed in {@link #problems()}. */
    public void importFile(Path file) {
        String n = name.get() == null || name.get().isBlank() ? stem(file) : name.get().strip();
        call("import", () -> source.importFile(n, file), (QuerySetImport r) -> created(r.set(),
                r.problems().stream().map(Object::toString).toList()));
    }

    /**
     * Creates a set sampled from the search log with the chosen strategy, size and seed; without a name it is
     * named after them ("frequent 20", "random 20 seed 7").
     */
    public void sample() {
        QuerySampling s = strategy.get();
        int size = sampleSize.get();
        long sd = seed.get();
        String n = name.get() == null || name.get().isBlank() ? s.name().toLowerCase(Locale.ROOT) + " " + size
                + (s == QuerySampling.FREQUENT ? "" : " seed " + sd) : name.get().strip();
        call("sample", () -> source.sample(n, s, size, sd), set -> created(set, List.of()));
    }

    private void created(QuerySet set, List<String> bad) {
        problems.setAll(bad);
        name.set("");
        notice = "created '" + set.name() + "': " + set.queries().size() + " queries (" + set.origin() + ")"
                + (bad.isEmpty() ? "" : "; " + bad.size() + " lines skipped");
        status.set(notice);
        if (!sets.contains(set.name())) {
            sets.add(set.name());
        }
        selected.set(set.name());
    }

    /** Scores the selected set's queries under the current configuration and reads its runs. */
    public void load() {
        String set = selected.get();
        if (set == null) {
            rows.clear();
            runs.clear();
            means.set("");
            return;
        }
        JudgmentSource j;
        try {
            j = JudgmentSource.parse(judgments.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        status.set(withNotice("scoring '" + set + "'…"));
        call("score", () -> new Loaded(source.scores(set, j), source.runs(set)), l -> {
            if (!set.equals(selected.get())) {
                return;
            }
            rows.setAll(l.scores().queries().stream().map(QueryRow::of).toList());
            runs.setAll(l.runs());
            means.set(meansText(l.scores()));
            status.set(withNotice(rows.size() + " queries scored against " + l.scores().judgments() + " judgments"));
            notice = "";
        });
    }

    private record Loaded(QuerySetScores scores, List<QuerySetRun> runs) {
    }

    /** Opens, in the main window, the set's first query with an unjudged top-10 result. */
    public void judgeNext() {
        String set = selected.get();
        if (set == null) {
            return;
        }
        JudgmentSource j = JudgmentSource.parse(judgments.get());
        call("next", () -> source.nextUnjudged(set, j), next -> next.ifPresentOrElse(n -> {
            status.set("judge \"" + n.query() + "\": result #" + n.rank() + " is unjudged");
            openQuery.accept(n.query());
        }, () -> status.set("every top-10 result of '" + set + "' is judged")));
    }

    /** Opens a query of the set in the main window. */
    public void open(String query) {
        if (query != null) {
            openQuery.accept(query);
        }
    }

    /** Runs the selected set against the current configuration (progress per query), storing a snapshot. */
    public void runSet() {
        String set = selected.get();
        if (set == null || running.get()) {
            return;
        }
        JudgmentSource j = JudgmentSource.parse(judgments.get());
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        progress.set(0);
        status.set("running '" + set + "'…");
        runner.run("run set", () -> source.run(set, j, (phase, done, total) -> runner.onUi(() ->
                progress.set(total > 0 ? Math.min(1, (double) done / total) : 0)), token), r -> {
                    running.set(false);
                    progress.set(1);
                    notice = String.format(Locale.ROOT, "run %d stored: %s", r.run().runId(), meansText(r.scores()));
                    status.set(notice);
                    load();
                }, e -> {
                    running.set(false);
                    progress.set(0);
                    status.set(e instanceof CancellationException ? "run cancelled: nothing stored"
                            : "run failed: " + message(e));
                });
    }

    /** Cancels the running set run (between queries). */
    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /** Writes an export of the selected set. */
    public void export(QuerySetBench.Export format, Path file) {
        String set = selected.get();
        if (set == null || file == null) {
            return;
        }
        JudgmentSource j = JudgmentSource.parse(judgments.get());
        call("export", () -> {
            source.export(set, format, j, file);
            return file;
        }, f -> status.set("wrote " + f));
    }

    private String withNotice(String text) {
        return notice.isEmpty() ? text : notice + " — " + text;
    }

    private <T> void call(String what, java.util.concurrent.Callable<T> work, Consumer<T> done) {
        busy.set(true);
        runner.run(what, work, v -> {
            busy.set(false);
            done.accept(v);
        }, e -> {
            busy.set(false);
            status.set(what + " failed: " + message(e));
        });
    }

    static String meansText(QuerySetScores s) {
        return String.format(Locale.ROOT, "mean nDCG@10 %s · P@10 %s · MRR@10 %s over %d judged of %d queries · "
                + "%d unjudged", num(s.meanNdcg()), num(s.meanPrecision()), num(s.meanMrr()), s.judgedQueries(),
                s.queries().size(), s.unjudged());
    }

    /** A score to three decimals, "–" when undefined. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String stem(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
