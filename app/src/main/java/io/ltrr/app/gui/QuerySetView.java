package io.ltrr.app.gui;

import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.compare.QuerySetBench;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Query sets: the sets and how to make one on the left; the selected set's queries with their scores, the
 * run's progress and the chart of its runs on the right. Double-clicking a query opens it in the main window.
 */
public final class QuerySetView extends BorderPane {
    private final QuerySetViewModel vm;
    private final QuerySetChart chart;

    public QuerySetView(QuerySetViewModel vm) {
        this.vm = vm;
        setId("queryset");
        chart = new QuerySetChart(vm.runs());
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.3);
        setCenter(split);
        Label status = new Label();
        status.setId("queryset-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("queryset-problems");
        problems.setPrefHeight(70);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox bottom = new VBox(4, status, problems);
        bottom.setPadding(new Insets(6));
        setBottom(bottom);
    }

    QuerySetChart chart() {
        return chart;
    }

    private Node left() {
        ListView<String> sets = new ListView<>(vm.sets());
        sets.setId("queryset-sets");
        sets.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n);
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> sets.getSelectionModel().select(n));
        TextField name = new TextField();
        name.setId("queryset-name");
        name.setPromptText("name of the new set (a sample is named after itself)");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TabPane how = new TabPane(typedTab(), fileTab(), sampleTab());
        how.setId("queryset-create");
        how.getTabs().forEach(t -> t.setClosable(false));
        how.setPrefHeight(230);
        VBox box = new VBox(6, new Label("Query sets"), sets, new Separator(), new Label("New set"), name, how);
        VBox.setVgrow(sets, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Tab typedTab() {
        TextArea text = new TextArea();
        text.setId("queryset-typed");
        text.setPromptText("one query per line");
        text.textProperty().bindBidirectional(vm.typedProperty());
        Button create = new Button("Create from typed queries");
        create.setId("queryset-create-typed");
        create.setOnAction(e -> vm.createTyped());
        VBox box = new VBox(6, text, create);
        box.setPadding(new Insets(6));
        return new Tab("Typed", box);
    }

    private Tab fileTab() {
        Button open = new Button("Choose a file…");
        open.setId("queryset-import");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Queries: one per line, or CSV with a query column");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Queries", "*.txt", "*.csv", "*.tsv"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.importFile(f.toPath());
            }
        });
        Label help = new Label("One query per line, or a CSV file with a 'query' column. Lines that are not "
                + "queries are listed below the window. Without a name, the file's name is used.");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox box = new VBox(6, open, help);
        box.setPadding(new Insets(6));
        return new Tab("File", box);
    }

    private Tab sampleTab() {
        ComboBox<QuerySampling> strategy = new ComboBox<>(FXCollections.observableArrayList(QuerySampling.values()));
        strategy.setId("queryset-strategy");
        strategy.setConverter(new StringConverter<>() {
            @Override
            public String toString(QuerySampling s) {
                return s == null ? "" : s.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public QuerySampling fromString(String s) {
                return QuerySampling.parse(s);
            }
        });
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        strategy.setTooltip(new Tooltip("frequent: the most searched queries; random: uniformly; proportional: "
                + "drawn with probability proportional to how often each was searched"));
        Spinner<Integer> size = new Spinner<>(1, 10_000, vm.sampleSizeProperty().get());
        size.setId("queryset-size");
        size.setEditable(true);
        size.setPrefWidth(90);
        size.valueProperty().addListener((obs, o, n) -> vm.sampleSizeProperty().set(n));
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setId("queryset-seed");
        seed.setPrefColumnCount(6);
        seed.textProperty().addListener((obs, o, n) -> {
            try {
                vm.seedProperty().set(Long.parseLong(n.strip()));
            } catch (NumberFormatException e) {
                vm.statusProperty().set("seed must be a whole number");
            }
        });
        Button sample = new Button("Sample the log");
        sample.setId("queryset-sample");
        sample.setOnAction(e -> vm.sample());
        VBox box = new VBox(6, new HBox(6, new Label("strategy"), strategy),
                new HBox(6, new Label("size"), size, new Label("seed"), seed), sample);
        box.setPadding(new Insets(6));
        return new Tab("Sample log", box);
    }

    private Node right() {
        ComboBox<String> judgments = new ComboBox<>(FXCollections.observableArrayList("all", "own"));
        judgments.setId("queryset-judgments");
        judgments.setEditable(true);
        judgments.setPrefWidth(150);
        judgments.setTooltip(new Tooltip("own: the log's ratings; imported:SOURCE: one imported source; all: both"));
        judgments.valueProperty().bindBidirectional(vm.judgmentsProperty());
        Button next = new Button("Judge next unjudged");
        next.setId("queryset-judge-next");
        next.setOnAction(e -> vm.judgeNext());
        Button run = new Button("Run set");
        run.setId("queryset-run");
        run.disableProperty().bind(vm.runningProperty().or(vm.selectedProperty().isNull()));
        run.setOnAction(e -> vm.runSet());
        ProgressBar bar = new ProgressBar();
        bar.setId("queryset-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.setId("queryset-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        MenuButton export = new MenuButton("Export");
        export.setId("queryset-export");
        export.getItems().addAll(exportItem("Quepid CSV…", QuerySetBench.Export.QUEPID, "csv"),
                exportItem("TREC qrels…", QuerySetBench.Export.TREC_QRELS, "qrels"),
                exportItem("TREC run (latest run)…", QuerySetBench.Export.TREC_RUN, "run"));
        ToolBar tools = new ToolBar(new Label("Judgments"), judgments, next, new Separator(Orientation.VERTICAL),
                run, bar, cancel, new Separator(Orientation.VERTICAL), export);
        Label means = new Label();
        means.setId("queryset-means");
        means.textProperty().bind(vm.meansProperty());
        means.setPadding(new Insets(4, 6, 4, 6));
        SplitPane body = new SplitPane(table(), chart);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.55);
        VBox box = new VBox(tools, means, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        return box;
    }

    private TableView<QuerySetViewModel.QueryRow> table() {
        TableView<QuerySetViewModel.QueryRow> table = new TableView<>(vm.rows());
        table.setId("queryset-queries");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Cells.column("query", QuerySetViewModel.QueryRow::query, 260),
                Cells.number("nDCG@10", r -> scored(r, r.ndcg()), "%.3f", 90),
                Cells.number("P@10", r -> scored(r, r.precision()), "%.3f", 80),
                Cells.number("MRR@10", r -> scored(r, r.mrr()), "%.3f", 80),
                Cells.number("unjudged", QuerySetViewModel.QueryRow::unjudged, "%.0f", 80)));
        table.setPlaceholder(new Label("create or select a query set"));
        table.setRowFactory(t -> {
            TableRow<QuerySetViewModel.QueryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem().query());
                }
            });
            return row;
        });
        table.setTooltip(new Tooltip("double-click a query to run it in the main window"));
        return table;
    }

    private MenuItem exportItem(String text, QuerySetBench.Export format, String ext) {
        MenuItem item = new MenuItem(text);
        item.setId("queryset-export-" + format.name().toLowerCase(Locale.ROOT));
        item.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(text);
            fc.setInitialFileName((vm.selectedProperty().get() == null ? "set" : vm.selectedProperty().get())
                    + "." + ext);
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.export(format, f.toPath());
            }
        });
        return item;
    }

    /** A query with no relevant judgment has no score yet (blank, as the means leave it out), not a score of 0. */
    private static double scored(QuerySetViewModel.QueryRow row, double value) {
        return row.relevantJudged() ? value : Double.NaN;
    }
}
