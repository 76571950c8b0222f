package io.ltrr.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A catalog build: progress, items/s, ETA and Cancel (first start's index, or a switch of retrieval backend). */
public final class IndexingView extends VBox {
    /** First start: the sample catalog is indexed into {@code dataFolder}. */
    public IndexingView(IndexingViewModel vm, String dataFolder) {
        this(vm, "First start: indexing the sample catalog",
                "into " + dataFolder + " (once; later starts open it directly). Searches start after the lexical "
                        + "index; the vectors of the dense arm follow in the background.");
    }

    /** A build with its own title and a line saying where it goes. */
    public IndexingView(IndexingViewModel vm, String heading, String whereText) {
        super(10);
        setId("indexing");
        setAlignment(Pos.CENTER);
        getStyleClass().add("indexing");
        Label title = new Label(heading);
        title.getStyleClass().add("panel-title");
        Label where = new Label(whereText);
        where.setWrapText(true);
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
