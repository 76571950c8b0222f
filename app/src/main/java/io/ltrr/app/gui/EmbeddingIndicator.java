package io.ltrr.app.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The status bar's background-embedding progress (ADR 0013): a small bar and its text, shown only while it runs. */
public final class EmbeddingIndicator extends HBox {
    public EmbeddingIndicator(EmbeddingViewModel vm) {
        super(6);
        setId("embedding");
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(90);
        bar.progressProperty().bind(vm.progressProperty());
        Label text = new Label();
        text.setId("embedding-text");
        text.textProperty().bind(vm.textProperty());
        text.setMinWidth(Label.USE_PREF_SIZE);
        Tooltip.install(this, new Tooltip("the catalog's sentence vectors are being embedded in the background; "
                + "searches run meanwhile without the dense arm, which joins once they are complete"));
        getChildren().addAll(bar, text);
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());
    }
}
