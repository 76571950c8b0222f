package io.ltrr.app.gui;

import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.RankChange;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Two configurations side by side: the choices on top, the per-query table (Jaccard@10, RBO, metric deltas,
 * biggest change first) in the middle, and the selected query's two result lists with rank-change arrows below.
 */
public final class CompareView extends BorderPane {
    private static final String CONFIG_HELP = "current; ranker=R[@V]; arms=A,B[;ranker=R[@V]]; run=ID (a stored "
            + "run of a query set); file=SNAP.json";

    public CompareView(CompareViewModel vm) {
        setId("compare");
        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.setPadding(new Insets(8));
        top.addRow(0, new Label("A"), config(vm, vm.configAProperty(), "compare-a"), new Label("query"),
                query(vm), new Label("judgments"), judgments(vm));
        Button go = new Button("Compare");
        go.setId("compare-run");
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.runningProperty());
        go.setOnAction(e -> vm.compare());
        ProgressBar bar = new ProgressBar();
        bar.setId("compare-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(120);
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ComboBox<String> set = new ComboBox<>(vm.sets());
        set.setId("compare-set");
        set.setPrefWidth(220);
        set.valueProperty().bindBidirectional(vm.setProperty());
        top.addRow(1, new Label("B"), config(vm, vm.configBProperty(), "compare-b"), new Label("or set"), set,
                new Label("sort by"), measure(vm), new HBox(6, go, bar, cancel));
        setTop(top);

        Label summary = new Label();
        summary.setId("compare-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        summary.setPadding(new Insets(0, 8, 4, 8));
        HBox lists = new HBox(8, side(vm.titleAProperty(), vm.listA(), "compare-list-a"),
                side(vm.titleBProperty(), vm.listB(), "compare-list-b"));
        lists.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        SplitPane body = new SplitPane(queries(vm), lists);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.35);
        VBox center = new VBox(summary, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        setCenter(center);
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(vm.statusProperty());
        Label help = new Label("Configurations: " + CONFIG_HELP + ". Arrows say how an item moved from A to B; "
                + "Jaccard@10 is the overlap of the two top 10s, RBO the rank-biased overlap (p = 0.9).");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox bottom = new VBox(4, status, help);
        bottom.setPadding(new Insets(6));
        setBottom(bottom);
    }

    private static ComboBox<String> config(CompareViewModel vm, javafx.beans.property.StringProperty p, String id) {
        ComboBox<String> c = new ComboBox<>(vm.configurations());
        c.setId(id);
        c.setEditable(true);
        c.setPrefWidth(300);
        c.valueProperty().bindBidirectional(p);
        c.setTooltip(new Tooltip(CONFIG_HELP));
        return c;
    }

    private static TextField query(CompareViewModel vm) {
        TextField q = new TextField();
        q.setId("compare-query");
        q.setPromptText("one query (blank: the set)");
        q.setPrefColumnCount(18);
        q.textProperty().bindBidirectional(vm.queryProperty());
        q.setOnAction(e -> vm.compare());
        return q;
    }

    private static ComboBox<String> judgments(CompareViewModel vm) {
        ComboBox<String> j = new ComboBox<>(FXCollections.observableArrayList("all", "own"));
        j.setId("compare-judgments");
        j.setEditable(true);
        j.setPrefWidth(140);
        j.valueProperty().bindBidirectional(vm.judgmentsProperty());
        return j;
    }

    private static ComboBox<ConfigComparison.Measure> measure(CompareViewModel vm) {
        ComboBox<ConfigComparison.Measure> m = new ComboBox<>(FXCollections.observableArrayList(
                ConfigComparison.Measure.values()));
        m.setId("compare-measure");
        m.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConfigComparison.Measure x) {
                return x == null ? "" : switch (x) {
                    case NDCG -> "Δ nDCG@10";
                    case PRECISION -> "Δ P@10";
                    case MRR -> "Δ MRR@10";
                    case JACCARD -> "1 − Jaccard@10";
                    case RBO -> "1 − RBO";
                };
            }

            @Override
            public ConfigComparison.Measure fromString(String s) {
                return ConfigComparison.Measure.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        m.valueProperty().bindBidirectional(vm.measureProperty());
        return m;
    }

    private static TableView<CompareViewModel.QueryRow> queries(CompareViewModel vm) {
        TableView<CompareViewModel.QueryRow> t = new TableView<>(vm.rows());
        t.setId("compare-queries");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.getColumns().setAll(List.of(
                Cells.column("query", CompareViewModel.QueryRow::query, 240),
                Cells.number("Jaccard@10", CompareViewModel.QueryRow::jaccard, "%.2f", 90),
                Cells.number("RBO", CompareViewModel.QueryRow::rbo, "%.3f", 80),
                Cells.number("Δ nDCG@10", CompareViewModel.QueryRow::ndcgDelta, "%+.3f", 90),
                Cells.number("Δ P@10", CompareViewModel.QueryRow::precisionDelta, "%+.3f", 80),
                Cells.number("Δ MRR@10", CompareViewModel.QueryRow::mrrDelta, "%+.3f", 80)));
        t.setPlaceholder(new Label("choose A and B and a query or a set, then Compare"));
        t.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n.query());
            }
        });
        return t;
    }

    private static VBox side(javafx.beans.value.ObservableValue<String> name, javafx.collections.ObservableList<CompareViewModel.Entry> entries,
                             String id) {
        TableView<CompareViewModel.Entry> t = new TableView<>(entries);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CompareViewModel.Entry, String> move = Cells.column("move", CompareViewModel.Entry::move, 70);
        move.setCellFactory(col -> new MoveCell());
        t.getColumns().setAll(List.of(Cells.column("#", CompareViewModel.Entry::rank, 40), move,
                Cells.column("result", CompareViewModel.Entry::title, 300)));
        t.setPlaceholder(new Label("no results: select a query above (or this side found nothing for it)"));
        Label title = new Label();
        title.textProperty().bind(name);
        title.getStyleClass().add("compare-side");
        title.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(4, title, t);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    /** The move in colour: up green, down orange, new blue, dropped grey (and always the text). */
    private static final class MoveCell extends TableCell<CompareViewModel.Entry, String> {
        @Override
        protected void updateItem(String move, boolean empty) {
            super.updateItem(move, empty);
            setText(empty ? null : move);
            CompareViewModel.Entry e = empty || getTableRow() == null ? null : getTableRow().getItem();
            RankChange.Kind k = e == null ? null : e.kind();
            setStyle(k == null ? "" : switch (k) {
                case UP -> "-fx-text-fill: #007a4d; -fx-font-weight: bold;";
                case DOWN -> "-fx-text-fill: #c05a00; -fx-font-weight: bold;";
                case NEW -> "-fx-text-fill: #0060a0; -fx-font-weight: bold;";
                case GONE -> "-fx-text-fill: #707070;";
                case SAME -> "";
            });
        }
    }
}
