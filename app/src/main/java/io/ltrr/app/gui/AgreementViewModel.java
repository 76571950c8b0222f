package io.ltrr.app.gui;

import io.ltrr.engine.agreement.AgreementReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Annotator agreement on the logged ratings: Cohen's κ of every pair of annotators (over the items both rated),
 * Fleiss' κ over the items all compared annotators rated, and how many items that is; the quadratic-weighted κ of
 * two annotators, and the items annotators graded differently (each opens its query in the main window).
 * Computed in the background.
 */
public final class AgreementViewModel {
    /** Where the ratings come from (the workbench's log). */
    public interface Source {
        /**
         * @param annotators whom to compare, empty for everyone with a graded rating
         * @throws IllegalArgumentException when fewer than two annotators can be compared
         */
        AgreementReport agreement(List<String> annotators);
    }

    /** One pair of annotators. */
    public record PairRow(String a, String b, int sharedItems, double kappa, double weightedKappa) {
        public String kappaText() {
            return AgreementViewModel.kappa(kappa);
        }

        public String weightedKappaText() {
            return AgreementViewModel.kappa(weightedKappa);
        }
    }

    /** A (query, item) pair graded differently: each annotator's grade, e.g. "alice 3 · bob 0", and the spread. */
    public record DisagreementRow(String query, String itemId, String grades, int spread) {
    }

    /** Cohen's κ is of two annotators: with more, the pairs' table has it. */
    static final String NOT_TWO = "— (one per pair, below)";

    private final Source source;
    private final BackgroundRunner runner;
    private final ObservableList<PairRow> pairs = FXCollections.observableArrayList();
    private final ObservableList<DisagreementRow> disagreements = FXCollections.observableArrayList();
    private final StringProperty weighted = new SimpleStringProperty(this, "weighted", "");
    private QueryOpener openQuery;
    private final StringProperty annotators = new SimpleStringProperty(this, "annotators", "");
    private final StringProperty compared = new SimpleStringProperty(this, "compared", "");
    private final StringProperty sharedItems = new SimpleStringProperty(this, "sharedItems", "");
    private final StringProperty fleiss = new SimpleStringProperty(this, "fleiss", "");
    private final StringProperty cohen = new SimpleStringProperty(this, "cohen", "");
    private final StringProperty observed = new SimpleStringProperty(this, "observed", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");

    public AgreementViewModel(Source source, BackgroundRunner runner) {
        this.source = source;
        this.runner = runner;
    }

    public ObservableList<PairRow> pairs() {
        return pairs;
    }

    /** The items annotators graded differently, biggest spread first. */
    public ObservableList<DisagreementRow> disagreements() {
        return disagreements;
    }

    /** Quadratic-weighted κ when exactly two annotators are compared, else {@link #NOT_TWO}; "" before. */
    public StringProperty weightedProperty() {
        return weighted;
    }

    /** Where a disagreement's query is run (the main window); set once. */
    public void setOpenQuery(Consumer<String> open) {
        if (openQuery == null) {
            openQuery = QueryOpener.of(open);
        }
    }

    /** Runs a disagreement's query in the main window with its item selected, when one is attached. */
    public void open(DisagreementRow row) {
        if (row != null && openQuery != null) {
            openQuery.open(row.query(), row.itemId());
        }
    }

    /** Whom to compare, comma-separated; blank for everyone with graded ratings. */
    public StringProperty annotatorsProperty() {
        return annotators;
    }

    /** The annotators compared, after a refresh. */
    public StringProperty comparedProperty() {
        return compared;
    }

    /** Items (query, item pairs) every compared annotator rated. */
    public StringProperty sharedItemsProperty() {
        return sharedItems;
    }

    public StringProperty fleissProperty() {
        return fleiss;
    }

    /** Cohen's κ when exactly two annotators are compared, else {@link #NOT_TWO}; "" before a result. */
    public StringProperty cohenProperty() {
        return cohen;
    }

    /** Share of the shared items on which all gave the same grade. */
    public StringProperty observedProperty() {
        return observed;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Computes the agreement in the background. */
    public void refresh() {
        if (running.get()) {
            return;
        }
        running.set(true);
        List<String> who = parse(annotators.get());
        status.set("computing…");
        runner.run("agreement", () -> source.agreement(who), r -> {
            show(r);
            running.set(false);
        }, e -> {
            clear();
            status.set(e.getMessage() == null ? e.toString() : e.getMessage());
            running.set(false);
        });
    }

    private void show(AgreementReport r) {
        compared.set(String.join(", ", r.annotators()));
        sharedItems.set(Integer.toString(r.sharedItems()));
        fleiss.set(kappa(r.fleissKappa()));
        cohen.set(r.annotators().size() == 2 ? kappa(r.cohenKappa()) : NOT_TWO);
        weighted.set(r.annotators().size() == 2 ? kappa(r.weightedKappa()) : NOT_TWO);
        observed.set(Double.isFinite(r.observed()) ? String.format(Locale.ROOT, "%.3f", r.observed()) : "–");
        pairs.setAll(r.pairs().stream().map(p -> new PairRow(p.a(), p.b(), p.sharedItems(), p.kappa(),
                p.weightedKappa())).toList());
        disagreements.setAll(r.disagreements().stream()
                .sorted(Comparator.comparingInt(AgreementReport.Disagreement::spread).reversed())
                .map(AgreementViewModel::row).toList());
        status.set(r.sharedItems() == 0 ? "no item was rated by all of " + r.annotators()
                : r.annotators().size() + " annotators, " + r.sharedItems() + " items rated by all; can't-tell "
                        + "ratings are left out");
    }

    static DisagreementRow row(AgreementReport.Disagreement d) {
        List<String> parts = new ArrayList<>();
        d.grades().forEach((who, g) -> parts.add(who + " " + g));
        return new DisagreementRow(d.query(), d.itemId(), String.join(" · ", parts), d.spread());
    }

    private void clear() {
        pairs.clear();
        disagreements.clear();
        weighted.set("");
        compared.set("");
        sharedItems.set("");
        fleiss.set("");
        cohen.set("");
        observed.set("");
    }

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** κ to three decimals; "undefined" when it is not (no shared items, or chance agreement 1). */
    static String kappa(double k) {
        return Double.isFinite(k) ? String.format(Locale.ROOT, "%.3f", k) : "undefined";
    }
}
