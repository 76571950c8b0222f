package io.ltrr.app.gui;

import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.Configuration;
import io.ltrr.engine.compare.RankChange;
import io.ltrr.engine.compare.SnapshotDiff;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.store.QuerySet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two configurations side by side (the engine's {@code QuerySetBench.compare}, as {@code ltrr queryset compare}):
 * for one query or a query set, per query Jaccard@10, RBO and the metric deltas B − A, sortable by the biggest
 * change; the selected query's two result lists with rank-change arrows.
 */
public final class CompareViewModel {
    /** One compared query: overlap and B − A deltas. */
    public record QueryRow(String query, double jaccard, double rbo, double ndcgDelta, double precisionDelta,
                           double mrrDelta, double change) {
    }

    /** One result of a side: rank, item, title and how it moved ("↑2", "↓1", "=", "new", "dropped"). */
    public record Entry(int rank, String itemId, String title, String move, RankChange.Kind kind) {
    }

    private final QuerySetSource source;
    private final BackgroundRunner runner;
    private final ObservableList<String> configurations = FXCollections.observableArrayList();
    private final ObservableList<String> sets = FXCollections.observableArrayList();
    private final ObservableList<QueryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Entry> listA = FXCollections.observableArrayList();
    private final ObservableList<Entry> listB = FXCollections.observableArrayList();
    private final StringProperty configA = new SimpleStringProperty(this, "configA", "current");
    private final StringProperty configB = new SimpleStringProperty(this, "configB", "");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty set = new SimpleStringProperty(this, "set");
    private final StringProperty judgments = new SimpleStringProperty(this, "judgments", "all");
    private final ObjectProperty<ConfigComparison.Measure> measure = new SimpleObjectProperty<>(this, "measure",
            ConfigComparison.Measure.NDCG);
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty titleA = new SimpleStringProperty(this, "titleA", "A");
    private final StringProperty titleB = new SimpleStringProperty(this, "titleB", "B");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private ConfigComparison comparison;
    private Map<String, String> titles = Map.of();
    private CancellationToken cancel;

    public CompareViewModel(QuerySetSource source, BackgroundRunner runner) {
        this.source = Objects.requireNonNull(source, "source");
        this.runner = Objects.requireNonNull(runner, "runner");
        measure.addListener((obs, o, n) -> sortRows());
        selected.addListener((obs, o, n) -> showLists());
    }

    /** Ready-made configurations (text form); any other can be typed. */
    public ObservableList<String> configurations() {
        return configurations;
    }

    public ObservableList<String> sets() {
        return sets;
    }

    public ObservableList<QueryRow> rows() {
        return rows;
    }

    public ObservableList<Entry> listA() {
        return listA;
    }

    public ObservableList<Entry> listB() {
        return listB;
    }

    /** Configuration A in text form: current, arms=A,B;ranker=R@V, ranker=R, run=ID or file=SNAP.json. */
    public StringProperty configAProperty() {
        return configA;
    }

    public StringProperty configBProperty() {
        return configB;
    }

    /** One query to compare; when blank, the query set is compared. */
    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty setProperty() {
        return set;
    }

    public StringProperty judgmentsProperty() {
        return judgments;
    }

    /** What the table is sorted by: the biggest change in this measure first. */
    public ObjectProperty<ConfigComparison.Measure> measureProperty() {
        return measure;
    }

    /** The query whose two lists are shown. */
    public StringProperty selectedProperty() {
        return selected;
    }

    /** The heading of A's list: "A: " and its configuration, after a comparison. */
    public StringProperty titleAProperty() {
        return titleA;
    }

    public StringProperty titleBProperty() {
        return titleB;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Reads the ready-made configurations and the sets. */
    public void refresh() {
        refresh(() -> { });
    }

    /** Reads the ready-made configurations and the sets, then runs {@code then}. */
    public void refresh(Runnable then) {
        runner.run("configurations", () -> new Choices(source.configurations(),
                source.sets().stream().map(QuerySet::name).toList()), c -> {
                    configurations.setAll(c.configurations());
                    sets.setAll(c.sets());
                    if ((configB.get() == null || configB.get().isBlank()) && c.configurations().size() > 1) {
                        configB.set(c.configurations().get(1));
                    }
                    if (set.get() == null && !c.sets().isEmpty()) {
                        set.set(c.sets().getFirst());
                    }
                    then.run();
                }, e -> status.set("cannot read the configurations: " + message(e)));
    }

    private record Choices(List<String> configurations, List<String> sets) {
    }

    /** Compares A and B over the query (when given) or the set. */
    public void compare() {
        if (running.get()) {
            return;
        }
        String q = query.get() == null || query.get().isBlank() ? null : query.get().strip();
        String s = q == null ? set.get() : null;
        Configuration a;
        Configuration b;
        JudgmentSource j;
        try {
            a = Configuration.parse(configA.get() == null ? "" : configA.get());
            b = Configuration.parse(configB.get() == null ? "" : configB.get());
            j = JudgmentSource.parse(judgments.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        if (q == null && s == null) {
            status.set("type a query or choose a query set");
            return;
        }
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        progress.set(0);
        status.set("comparing " + a + " with " + b + " on " + (q != null ? "\"" + q + "\"" : "set '" + s + "'") + "…");
        runner.run("compare", () -> {
            ConfigComparison c = source.compare(s, q, a, b, j, (phase, done, total) -> runner.onUi(() ->
                    progress.set(total > 0 ? Math.min(1, (double) done / total) : 0)), token);
            return new Result(c, source.titles(items(c)));
        }, r -> {
            running.set(false);
            progress.set(1);
            show(r.comparison(), r.titles());
        }, e -> {
            running.set(false);
            progress.set(0);
            status.set(e instanceof CancellationException ? "comparison cancelled" : "comparison failed: "
                    + message(e));
        });
    }

    private record Result(ConfigComparison comparison, Map<String, String> titles) {
    }

    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    private void show(ConfigComparison c, Map<String, String> t) {
        comparison = c;
        titles = t;
        titleA.set("A: " + c.a());
        titleB.set("B: " + c.b());
        summary.set(String.format(Locale.ROOT, "A = %s, B = %s · mean Jaccard@10 %s · mean RBO %s · "
                + "Δ nDCG@10 %s · Δ P@10 %s · Δ MRR@10 %s", c.a(), c.b(), QuerySetViewModel.num(c.diff().meanJaccard()),
                QuerySetViewModel.num(c.diff().meanRbo()), delta(c.meanDelta(ConfigComparison.Measure.NDCG)),
                delta(c.meanDelta(ConfigComparison.Measure.PRECISION)), delta(c.meanDelta(ConfigComparison.Measure.MRR))));
        status.set(c.queries().size() + (c.queries().size() == 1 ? " query" : " queries") + " compared"
                + (c.diff().onlyInA().isEmpty() && c.diff().onlyInB().isEmpty() ? ""
                : "; only one side has " + (c.diff().onlyInA().size() + c.diff().onlyInB().size()) + " queries"));
        sortRows();
        if (!rows.isEmpty()) {
            selected.set(null);
            selected.set(rows.getFirst().query());
        } else {
            listA.clear();
            listB.clear();
        }
    }

    private void sortRows() {
        if (comparison == null) {
            return;
        }
        ConfigComparison.Measure m = measure.get();
        rows.setAll(comparison.byBiggestChange(m).stream().map(q -> new QueryRow(q.query(), q.diff().jaccard(),
                q.diff().rbo(), q.delta(ConfigComparison.Measure.NDCG), q.delta(ConfigComparison.Measure.PRECISION),
                q.delta(ConfigComparison.Measure.MRR), q.delta(m))).toList());
    }

    private void showLists() {
        String q = selected.get();
        if (comparison == null || q == null) {
            return;
        }
        comparison.queries().stream().filter(c -> c.query().equals(q)).findFirst().ifPresent(c -> {
            listA.setAll(entries(c.diff().listA(), true));
            listB.setAll(entries(c.diff().listB(), false));
        });
    }

    private List<Entry> entries(List<RankChange> side, boolean a) {
        List<Entry> out = new ArrayList<>();
        for (RankChange r : side) {
            out.add(new Entry(a ? r.rankA() : r.rankB(), r.itemId(), titles.getOrDefault(r.itemId(), r.itemId()),
                    move(r), r.kind()));
        }
        return out;
    }

    /** "↑n" (better in B), "↓n", "=", "new" (only B has it) or "dropped" (only A had it). */
    static String move(RankChange r) {
        return switch (r.kind()) {
            case UP -> "↑" + r.delta();
            case DOWN -> "↓" + (-r.delta());
            case SAME -> "=";
            case NEW -> "new";
            case GONE -> "dropped";
        };
    }

    private static Set<String> items(ConfigComparison c) {
        Set<String> ids = new HashSet<>();
        for (SnapshotDiff.QueryDiff q : c.diff().queries()) {
            q.changes().forEach(r -> ids.add(r.itemId()));
        }
        return ids;
    }

    static String delta(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%+.3f", d) : "–";
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
