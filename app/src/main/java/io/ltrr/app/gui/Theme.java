package io.ltrr.app.gui;

import java.util.Objects;
import javafx.scene.Scene;

/** The workbench's stylesheet, and demo mode (larger type for a projector). */
public final class Theme {
    static final String CSS = "/io/ltrr/app/gui/workbench.css";

    private Theme() {
    }

    public static void apply(Scene scene, boolean demo) {
        scene.getStylesheets().add(Objects.requireNonNull(Theme.class.getResource(CSS), CSS)
                .toExternalForm());
        setDemo(scene, demo);
    }

    public static void setDemo(Scene scene, boolean demo) {
        if (demo) {
            if (!scene.getRoot().getStyleClass().contains("demo")) {
                scene.getRoot().getStyleClass().add("demo");
            }
        } else {
            scene.getRoot().getStyleClass().remove("demo");
        }
    }
}
