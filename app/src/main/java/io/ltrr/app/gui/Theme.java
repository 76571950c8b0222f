package io.ltrr.app.gui;

import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/** The workbench's stylesheet, and demo mode (larger type for a projector). */
public final class Theme {
    static final String CSS = "/io/ltrr/app/gui/workbench.css";
    /** Demo mode's type size over the normal one (see the stylesheet's {@code .workbench.demo}). */
    static final double DEMO_SCALE = 17.0 / 12.0;

    private Theme() {
    }

    public static void apply(Scene scene, boolean demo) {
        scene.getStylesheets().add(Objects.requireNonNull(Theme.class.getResource(CSS), CSS)
                .toExternalForm());
        setDemo(scene, demo);
    }

    /**
     * 1, or {@link #DEMO_SCALE} while the node's scene is in demo mode: for sizes given in pixels (table rows and
     * columns) that must grow with the type.
     */
    static ReadOnlyDoubleProperty typeScale(Node node) {
        ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
        node.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                ListChangeListener<String> demo = c -> scale.set(scene.getRoot().getStyleClass().contains("demo")
                        ? DEMO_SCALE : 1);
                scene.getRoot().getStyleClass().addListener(demo);
                demo.onChanged(null);
            }
        });
        return scale.getReadOnlyProperty();
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
