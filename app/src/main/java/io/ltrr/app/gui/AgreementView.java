package io.ltrr.app.gui;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Annotator agreement on the logged ratings: overall figures on top (weighted κ beside the unweighted one),
 * Cohen's κ of every pair, and the items annotators disagree on (double-click runs the query in the main window).
 */
public final class AgreementView extends BorderPane {
    public AgreementView(AgreementViewModel vm) {
        setId("agreement");
        TextField who = new TextField();
        who.setId("agreement-annotators");
        who.setPromptText("annotators, comma-separated (blank: everyone)");
        who.setPrefColumnCount(28);
        who.textProperty().bindBidirectional(vm.annotatorsProperty());
        who.setOnAction(e -> vm.refresh());
        Button compute = new Button("Compute");
        compute.setId("agreement-compute");
        compute.disableProperty().bind(vm.runningProperty());
        compute.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty());
        setTop(new ToolBar(new Label("Compare"), who, compute, busy));

        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(4);
        figures.setPadding(new Insets(8));
        row(figures, 0, "annotators", vm.comparedProperty(), "agreement-compared");
        row(figures, 1, "items rated by all", vm.sharedItemsProperty(), "agreement-shared");
        row(figures, 2, "Fleiss' κ", vm.fleissProperty(), "agreement-fleiss");
        row(figures, 3, "Cohen's κ (two annotators)", vm.cohenProperty(), "agreement-cohen");
        row(figures, 4, "weighted κ (quadratic, two annotators)", vm.weightedProperty(), "agreement-weighted");
        row(figures, 5, "all gave the same grade", vm.observedProperty(), "agreement-observed");

        TableView<AgreementViewModel.PairRow> table = new TableView<>(vm.pairs());
        table.setId("agreement-pairs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Cells.column("annotator A", AgreementViewModel.PairRow::a, 140),
                Cells.column("annotator B", AgreementViewModel.PairRow::b, 140),
                Cells.column("items both rated", AgreementViewModel.PairRow::sharedItems, 120),
                Cells.column("Cohen's κ", AgreementViewModel.PairRow::kappaText, 100),
                Cells.column("weighted κ", AgreementViewModel.PairRow::weightedKappaText, 100)));
        table.setPlaceholder(new Label("press Compute: ratings of at least two annotators are compared"));
        Label title = new Label("Disagreements (double-click: run the query in the main window)");
        title.setPadding(new Insets(6, 8, 2, 8));
        TableView<AgreementViewModel.DisagreementRow> differ = disagreements(vm);
        VBox lower = new VBox(title, differ);
        VBox.setVgrow(differ, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        setCenter(new VBox(figures, split));
        VBox.setVgrow(split, Priority.ALWAYS);

        Label status = new Label();
        status.setId("agreement-status");
        status.textProperty().bind(vm.statusProperty());
        Label help = new Label("An item is a (query, result) pair; grades 0–3 are the categories. κ = 1 is perfect "
                + "agreement, 0 what chance would give. Each annotator's latest grade of an item counts.");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox bottom = new VBox(4, status, help);
        bottom.setPadding(new Insets(6));
        setBottom(bottom);
    }

    private TableView<AgreementViewModel.DisagreementRow> disagreements(AgreementViewModel vm) {
        TableView<AgreementViewModel.DisagreementRow> t = new TableView<>(vm.disagreements());
        t.setId("agreement-disagreements");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().setAll(List.of(
                Cells.column("query", AgreementViewModel.DisagreementRow::query, 160),
                Cells.column("item", AgreementViewModel.DisagreementRow::itemId, 90),
                Cells.column("spread", AgreementViewModel.DisagreementRow::spread, 60),
                Cells.column("grades", AgreementViewModel.DisagreementRow::grades, 200)));
        t.setPlaceholder(new Label("no item was graded differently"));
        t.setRowFactory(tv -> {
            TableRow<AgreementViewModel.DisagreementRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.setOpenQuery(QueryWindows.openerOf(this));
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    private static void row(GridPane grid, int r, String name, ObservableValue<String> value,
                            String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        grid.addRow(r, new Label(name), v);
    }
}
