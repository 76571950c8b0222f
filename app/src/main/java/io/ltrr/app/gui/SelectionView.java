package io.ltrr.app.gui;

import io.ltrr.app.gui.SelectionViewModel.ArmRow;
import io.ltrr.app.gui.SelectionViewModel.FeatureRow;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The policy's selection of the current round (every offered arm, chosen first, sized so none needs scrolling),
 * and the context features that drove it.
 */
public final class SelectionView extends VBox {
    /** Row height at the normal font; demo mode's larger type scales rows and header (see {@link Theme}). */
    private static final double ROW = 24;
    /** The column header and the table's borders, with room to spare. */
    private static final double HEADER = 34;
    private final ReadOnlyDoubleProperty scale = Theme.typeScale(this);
    private final SplitPane split;

    public SelectionView(SelectionViewModel vm) {
        super(4);
        setId("selection");
        getStyleClass().add("panel");
        Label title = new Label("Selection");
        title.getStyleClass().add("panel-title");
        Label header = new Label();
        header.textProperty().bind(vm.headerProperty());
        header.setWrapText(true);
        header.setMinHeight(Region.USE_PREF_SIZE);
        Label learned = new Label();
        learned.setId("learned");
        learned.getStyleClass().add("learned");
        learned.textProperty().bind(vm.learnedProperty());
        learned.setWrapText(true);
        learned.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never cut to "…"

        TableView<ArmRow> arms = new TableView<>(vm.arms());
        arms.setId("arms");
        arms.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var k = Cells.column("k_a", (ArmRow a) -> a.chosen() ? Integer.toString(a.k()) : "", 40);
        var score = Cells.number("score", ArmRow::score, "%.3f", 60);
        var pulls = Cells.column("pulls", ArmRow::pulls, 50);
        var propensity = Cells.number("P(sel)", ArmRow::propensity, "%.3f", 60);
        arms.getColumns().setAll(List.of(Cells.arm("arm", ArmRow::arm, 90),
                Cells.column("chosen", (ArmRow a) -> a.chosen() ? "✔" : "", 50), k, propensity,
                Cells.number("mean", ArmRow::mean, "%.3f", 60),
                Cells.number("±", ArmRow::uncertainty, "%.3f", 60), score, pulls,
                Cells.number("reward", ArmRow::reward, "%.2f", 60)));
        // Narrow (demo mode's larger type): the policy's internals step aside before what it chose and learned.
        ColumnFit.install(arms, List.of(k, score, pulls, propensity));
        arms.setPlaceholder(new Label("no round yet"));
        // Every offered arm in view, chosen first, and no stale scroll position from the previous round.
        arms.fixedCellSizeProperty().bind(scale.multiply(ROW));
        arms.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scale.get() * (HEADER + ROW * Math.max(vm.arms().size(), 3)) + 6, vm.arms(), scale));
        arms.prefHeightProperty().bind(arms.minHeightProperty());
        arms.maxHeightProperty().bind(arms.minHeightProperty());
        vm.arms().addListener((ListChangeListener<ArmRow>) c -> arms.scrollTo(0));

        TableView<FeatureRow> features = new TableView<>(vm.features());
        features.setId("features");
        features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        features.getColumns().setAll(List.of(Cells.column("context feature", FeatureRow::name, 200),
                Cells.number("value", FeatureRow::value, "%.3f", 80)));
        ColumnFit.install(features, List.of());
        features.setPlaceholder(new Label("no round yet"));
        features.minHeightProperty().bind(scale.multiply(HEADER + 2 * ROW));


        split = new SplitPane(arms, features);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, header, split, learned);
    }

    SplitPane split() {
        return split;
    }
}
