package io.ltrr.app.gui;

import io.ltrr.engine.rank.ArmHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Small coloured labels naming arms, coloured by {@link ArmColors}; the colour never stands alone, every chip
 * carries the arm's name or its short code ({@link ArmColors#code}).
 */
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

    /**
     * The arms that retrieved a result as short-code chips (BM, POP, STR, …), so every arm fits in a narrow
     * column; the cell's tooltip ({@link #describe}) names each arm with its rank and score.
     */
    public static HBox compact(Map<String, ArmHit> provenance) {
        HBox box = new HBox(2);
        box.getStyleClass().add("arm-chips");
        provenance.keySet().forEach(a -> {
            Label l = new Label(ArmColors.code(a));
            l.getStyleClass().addAll("arm-chip", "arm-chip-compact");
            l.setStyle(ArmColors.chipStyle(a));
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        });
        return box;
    }

    /** One line per arm: "bm25 (BM): rank 3, score 7.1234". */
    public static String describe(Map<String, ArmHit> provenance) {
        List<String> lines = new ArrayList<>();
        provenance.forEach((arm, hit) -> lines.add(String.format(Locale.ROOT, "%s (%s): rank %d, score %.4f", arm,
                ArmColors.code(arm), hit.rank(), hit.score())));
        return String.join("\n", lines);
    }
}
