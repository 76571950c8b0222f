package io.ltrr.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** First start: the catalog is being indexed; progress, items/s, ETA and Cancel. */
public final class IndexingView extends VBox {
    public IndexingView(IndexingViewModel vm, String dataFolder) {
        super(10);
        setId("indexing");
        setAlignment(Pos.CENTER);
        getStyleClass().add("indexing");
        Label title = new Label("First start: indexing the sample catalog");
        title.getStyleClass().add("panel-title");
        Label where = new Label("into " + dataFolder + " (once; later starts open it directly)");
        Label phase = new Label();
        phase.textProperty().bind(vm.phaseProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(480);
        bar.progressProperty().bind(vm.progressProperty());
        Label detail = new Label();
        detail.setId("indexing-detail");
        detail.textProperty().bind(vm.detailProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-indexing");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        getChildren().addAll(title, where, phase, bar, detail, cancel);
    }
}
