package io.ltrr.app.gui;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** Small coloured labels naming arms, coloured by {@link ArmColors}. */
public final class ArmChips {
    private ArmChips() {
    }

    public static Label chip(String arm) {
        Label l = new Label(arm);
        l.getStyleClass().add("arm-chip");
        l.setStyle(ArmColors.chipStyle(arm));
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip("retrieved by arm " + arm));
        return l;
    }

    public static HBox row(List<String> arms) {
        HBox box = new HBox(3);
        box.getStyleClass().add("arm-chips");
        arms.forEach(a -> box.getChildren().add(chip(a)));
        return box;
    }
}
