package io.ltrr.app.gui;

import io.ltrr.app.gui.ExplainViewModel.InterpretationRow;
import io.ltrr.app.gui.ExplainViewModel.ProvenanceRow;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Why the selected result is there: provenance per chosen arm, the query's interpretations, and the
 * explanation tree; plus the grade chips of the selected result (0–3, can't tell), which the mouse can set.
 */
public final class ExplainView extends VBox {
    private final HBox rating = new HBox();

    public ExplainView(MainViewModel main) {
        super(4);
        ExplainViewModel vm = main.explain();
        setId("explain");
        getStyleClass().add("panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty().map(t -> "Explain: " + t));
        rating.setId("rating");
        followSelectedGrade(main);
        Label keys = new Label("keys: ↑↓ / j k move · Enter or space click · 0–3 / a s d f rate · x can't tell · "
                + "Esc query");
        keys.getStyleClass().add("hint");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole in a narrow pane, never cut to "…"
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, grow, new Label("grade"), rating);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<ProvenanceRow> provenance = new TableView<>(vm.provenance());
        provenance.setId("provenance");
        provenance.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        provenance.getColumns().setAll(List.of(Cells.arm("arm", ProvenanceRow::arm, 90),
                Cells.column("rank", (ProvenanceRow p) -> p.rank() == null ? "–" : p.rank() + " / " + p.k(), 70),
                Cells.number("arm score", ProvenanceRow::score, "%.4f", 80)));
        ColumnFit.install(provenance, List.of());
        provenance.setPlaceholder(new Label("select a result"));
        provenance.setMinHeight(120);
        provenance.setPrefHeight(130);

        TableView<InterpretationRow> interpretations = new TableView<>(vm.interpretations());
        interpretations.setId("interpretations");
        interpretations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        interpretations.getColumns().setAll(List.of(
                Cells.number("likelihood", InterpretationRow::likelihood, "%.3f", 70),
                Cells.column("query interpretation", InterpretationRow::description, 300)));
        ColumnFit.install(interpretations, List.of());
        interpretations.setMinHeight(110);
        interpretations.setPrefHeight(130);

        TreeView<String> tree = new TreeView<>();
        tree.setId("explanation");
        vm.treeProperty().addListener((obs, o, n) -> tree.setRoot(n == null ? null : item(n, 0)));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(top, keys, provenance, interpretations, tree);
    }

    /**
     * The grade chips show the selected row's grade for the current annotator, also when a key rating or an earlier
     * judgment changes it, and rate it when clicked.
     */
    private void followSelectedGrade(MainViewModel main) {
        Runnable refresh = () -> {
            ResultRow row = main.selectedProperty().get();
            rating.getChildren().setAll(row == null ? List.of() : List.of(new GradeChips(
                    main.gradeScaleProperty().get(), row.shown(main.context().annotatorName()),
                    g -> main.rate(row, g))));
        };
        InvalidationListener follow = obs -> refresh.run();
        main.context().annotatorProperty().addListener(follow);
        main.selectedProperty().addListener((obs, o, row) -> {
            if (o != null) {
                o.ratingProperty().removeListener(follow);
                o.earlierProperty().removeListener(follow);
            }
            if (row != null) {
                row.ratingProperty().addListener(follow);
                row.earlierProperty().addListener(follow);
            }
            refresh.run();
        });
    }

    /** Top levels open, deep parts of long explanations folded. */
    private static TreeItem<String> item(ScoreExplanation e, int depth) {
        String value = Double.isNaN(e.value()) ? "" : String.format(Locale.ROOT, "%.4f  ", e.value());
        TreeItem<String> node = new TreeItem<>(value + e.description());
        e.details().forEach(d -> node.getChildren().add(item(d, depth + 1)));
        node.setExpanded(depth < 2);
        return node;
    }
}
