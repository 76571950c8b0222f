package io.ltrr.app.gui;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Annotator agreement on the logged ratings: overall figures on top, Cohen's κ of every pair below. */
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
        row(figures, 4, "all gave the same grade", vm.observedProperty(), "agreement-observed");

        TableView<AgreementViewModel.PairRow> table = new TableView<>(vm.pairs());
        table.setId("agreement-pairs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Cells.column("annotator A", AgreementViewModel.PairRow::a, 140),
                Cells.column("annotator B", AgreementViewModel.PairRow::b, 140),
                Cells.column("items both rated", AgreementViewModel.PairRow::sharedItems, 120),
                Cells.column("Cohen's κ", AgreementViewModel.PairRow::kappaText, 100)));
        table.setPlaceholder(new Label("press Compute: ratings of at least two annotators are compared"));
        setCenter(new VBox(figures, table));
        VBox.setVgrow(table, Priority.ALWAYS);

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

    private static void row(GridPane grid, int r, String name, ObservableValue<String> value,
                            String id) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        grid.addRow(r, new Label(name), v);
    }
}
