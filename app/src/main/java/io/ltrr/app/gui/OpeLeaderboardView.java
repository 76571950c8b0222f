package io.ltrr.app.gui;

import io.ltrr.engine.ope.Estimate;
import io.ltrr.engine.ope.PolicyTarget;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * The off-policy leaderboard: candidate policies ranked by their doubly robust estimate on the logged searches,
 * with IPS, SNIPS and DR and their bootstrap intervals, and each DR interval drawn on a common scale.
 */
public final class OpeLeaderboardView extends BorderPane {
    private static final double BAR_WIDTH = 180;

    public OpeLeaderboardView(OpeLeaderboardViewModel vm) {
        setId("ope-leaderboard");
        ComboBox<PolicyTarget.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(PolicyTarget.Mode.values()));
        mode.setId("ope-mode");
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(PolicyTarget.Mode m) {
                return m == null ? "" : m.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public PolicyTarget.Mode fromString(String s) {
                return PolicyTarget.Mode.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setTooltip(new Tooltip("progressive: each policy learns the logged rewards as the log is replayed; "
                + "frozen: its latest saved state (or a fresh one), never updated"));
        Spinner<Integer> bootstrap = new Spinner<>(50, 5000, vm.bootstrapProperty().get(), 50);
        bootstrap.setId("ope-bootstrap");
        bootstrap.setEditable(true);
        bootstrap.setPrefWidth(90);
        bootstrap.valueProperty().addListener((obs, o, n) -> vm.bootstrapProperty().set(n));
        Button estimate = new Button("Estimate");
        estimate.setId("ope-estimate");
        estimate.setDefaultButton(true);
        estimate.disableProperty().bind(vm.runningProperty());
        estimate.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty());
        setTop(new ToolBar(new Label("Replay"), mode, new Label("Bootstrap"), bootstrap, estimate, busy));

        TableView<OpeLeaderboardViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("ope-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OpeLeaderboardViewModel.Row, OpeLeaderboardViewModel.Row> interval = new TableColumn<>(
                "DR interval");
        interval.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        interval.setCellFactory(col -> new IntervalCell(vm));
        interval.setPrefWidth(BAR_WIDTH + 20);
        interval.setSortable(false);
        table.getColumns().setAll(List.of(
                Cells.column("#", OpeLeaderboardViewModel.Row::rank, 40),
                Cells.column("policy", OpeLeaderboardViewModel.Row::policy, 140),
                Cells.column("DR [95 % CI]", OpeLeaderboardViewModel.Row::drText, 170),
                interval,
                Cells.column("SNIPS [95 % CI]", OpeLeaderboardViewModel.Row::snipsText, 170),
                Cells.column("IPS [95 % CI]", OpeLeaderboardViewModel.Row::ipsText, 170),
                Cells.column("support", OpeLeaderboardViewModel.Row::supportText, 160)));
        table.setPlaceholder(new Label("press Estimate to score every policy and arm on the logged searches"));
        vm.rows().addListener((ListChangeListener<OpeLeaderboardViewModel.Row>) c -> table.refresh());
        setCenter(table);

        Label status = new Label();
        status.setId("ope-status");
        status.textProperty().bind(vm.statusProperty());
        Label help = new Label("Value = expected sum of the chosen arms' rewards per search, had the policy chosen. "
                + "IPS reweights the logged rewards by the policy's over the logger's inclusion probabilities; SNIPS "
                + "normalizes those weights; DR adds a reward model (per context bucket and arm) and corrects it "
                + "with IPS. Rounds where the policy picks an arm the logger could not are unsupported.");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox bottom = new VBox(4, status, help);
        bottom.setStyle("-fx-padding: 6;");
        setBottom(bottom);
    }

    /** The DR interval as a line with the estimate as a dot, on the scale of every row's intervals. */
    private static final class IntervalCell extends TableCell<OpeLeaderboardViewModel.Row, OpeLeaderboardViewModel.Row> {
        private final OpeLeaderboardViewModel vm;

        IntervalCell(OpeLeaderboardViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(OpeLeaderboardViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            double lo = vm.rows().stream().mapToDouble(r -> r.dr().ciLow()).min().orElse(0);
            double hi = vm.rows().stream().mapToDouble(r -> r.dr().ciHigh()).max().orElse(1);
            double span = hi > lo ? hi - lo : 1;
            Estimate e = row.dr();
            double x0 = (e.ciLow() - lo) / span * BAR_WIDTH;
            double x1 = (e.ciHigh() - lo) / span * BAR_WIDTH;
            double xv = (e.value() - lo) / span * BAR_WIDTH;
            Line ci = new Line(x0, 8, x1, 8);
            ci.setStrokeWidth(3);
            ci.getStyleClass().add("ope-interval");
            Circle dot = new Circle(xv, 8, 4);
            dot.getStyleClass().add("ope-estimate");
            Pane pane = new Pane(ci, dot);
            pane.setPrefSize(BAR_WIDTH, 16);
            pane.setMinSize(BAR_WIDTH, 16);
            setGraphic(pane);
        }
    }
}
