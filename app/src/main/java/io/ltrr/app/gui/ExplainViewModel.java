package io.ltrr.app.gui;

import io.ltrr.engine.api.ExplainResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Why the selected result is where it is: each arm's rank and score for it, the query's interpretations,
 * and one explanation tree (the ranker's, then each chosen arm's, fetched in the background).
 */
public final class ExplainViewModel {
    /** Where one chosen arm had the item; rank and score null when the arm did not retrieve it. */
    public record ProvenanceRow(String arm, Integer rank, Double score, int k) {
    }

    /** One reading of the query. */
    public record InterpretationRow(double likelihood, String description) {
    }

    static final int SHOWN_INTERPRETATIONS = 5;

    private final WorkbenchService service;
    private final BackgroundRunner runner;
    private final ObservableList<ProvenanceRow> provenance = FXCollections.observableArrayList();
    private final ObservableList<InterpretationRow> interpretations = FXCollections.observableArrayList();
    private final ObjectProperty<ScoreExplanation> tree = new SimpleObjectProperty<>(this, "tree");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "select a result");
    /** The row shown (search/item); volatile: a queued explanation checks it before it starts. */
    private volatile String showing;

    public ExplainViewModel(WorkbenchService service, BackgroundRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    public ObservableList<ProvenanceRow> provenance() {
        return provenance;
    }

    public ObservableList<InterpretationRow> interpretations() {
        return interpretations;
    }

    /** Root: the result; children: the ranker's explanation, then one node per chosen arm. */
    public ObjectProperty<ScoreExplanation> treeProperty() {
        return tree;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shows no round, as before the first search. */
    public void clear() {
        interpretations.clear();
        show(null, null);
    }

    /** Shows the query understanding of a new round, with no result selected yet. */
    public void showRound(SearchResult r) {
        showing = null;
        List<InterpretationRow> rows = new ArrayList<>();
        for (Interpretation in : r.analysis().interpretations()) {
            if (rows.size() == SHOWN_INTERPRETATIONS) {
                break;
            }
            rows.add(new InterpretationRow(in.likelihood(), in.description()));
        }
        interpretations.setAll(rows);
        provenance.clear();
        tree.set(null);
        title.set("select a result");
    }

    /** Shows why {@code row} of round {@code r} scored as it did; the arms' explanations follow. */
    public void show(SearchResult r, ResultRow row) {
        if (row == null) {
            showing = null;
            provenance.clear();
            tree.set(null);
            title.set("select a result");
            return;
        }
        RankedItem ri = row.ranked();
        showing = r.searchId() + "/" + ri.itemId();
        List<ProvenanceRow> rows = new ArrayList<>();
        for (String arm : r.selection().chosen()) {
            ArmHit hit = ri.provenance().get(arm);
            rows.add(new ProvenanceRow(arm, hit == null ? null : hit.rank(), hit == null ? null : hit.score(),
                    r.selection().candidates().getOrDefault(arm, 0)));
        }
        provenance.setAll(rows);
        title.set(String.format(Locale.ROOT, "#%d %s", ri.position(), row.title()));
        tree.set(root(r, ri, List.of(ranker(r, ri))));
        String key = showing;
        // Moving through rows from the keyboard queues one explanation per row: skip the stale ones, so feedback
        // queued behind them (a rating) runs at once.
        runner.run("explain " + ri.itemId(), () -> key.equals(showing) ? service.explain(r, ri.itemId()) : null,
                result -> accept(key, r, ri, result),
                error -> tree.set(root(r, ri, List.of(ranker(r, ri),
                        ScoreExplanation.leaf(Double.NaN, "arm explanations failed: " + error.getMessage())))));
    }

    private void accept(String key, SearchResult r, RankedItem ri, ExplainResult result) {
        if (result == null || !key.equals(showing)) {
            return; // the user moved on while the arms explained themselves
        }
        List<ScoreExplanation> children = new ArrayList<>();
        children.add(ranker(r, ri));
        result.perArm().forEach((arm, e) -> children.add(new ScoreExplanation(e.value(),
                "arm " + arm + ": " + e.description(), e.details())));
        tree.set(root(r, ri, children));
    }

    private static ScoreExplanation ranker(SearchResult r, RankedItem ri) {
        ScoreExplanation e = ri.explanation();
        return new ScoreExplanation(e.value(), "ranker " + r.rankerId() + ": " + e.description(), e.details());
    }

    private static ScoreExplanation root(SearchResult r, RankedItem ri, List<ScoreExplanation> children) {
        return new ScoreExplanation(ri.score(), String.format(Locale.ROOT, "result #%d (%s) for \"%s\"",
                ri.position(), ri.itemId(), r.query()), children);
    }
}
