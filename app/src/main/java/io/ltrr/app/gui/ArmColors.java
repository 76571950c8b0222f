package io.ltrr.app.gui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The one place where each arm gets its colour: chips, tables and charts all ask here, so an arm looks the
 * same everywhere. Known arms have fixed colours; an arm added later gets a stable colour from its id.
 */
public final class ArmColors {
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();
    /** Colour-blind-friendly palette (Okabe–Ito plus two), used for arms without a fixed colour. */
    private static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
            "#56B4E9", "#8C564B", "#7F7F7F", "#BCBD22");

    static {
        KNOWN.put("bm25", "#0072B2");
        KNOWN.put("bm25-pop", "#56B4E9");
        KNOWN.put("structured", "#009E73");
        KNOWN.put("dense", "#CC79A7");
        KNOWN.put("explore", "#E69F00");
        KNOWN.put("memory", "#D55E00");
        KNOWN.put("rewrite", "#8C564B");
    }

    private ArmColors() {
    }

    /** The arm's colour as "#RRGGBB". */
    public static String hex(String armId) {
        String known = KNOWN.get(armId);
        if (known != null) {
            return known;
        }
        return PALETTE.get(Math.floorMod(armId.hashCode(), PALETTE.size()));
    }

    /** The arm's colour for JavaFX nodes. */
    public static Color fx(String armId) {
        return Color.web(hex(armId));
    }

    /** The arm's colour for JFreeChart renderers (AWT's Color: qualified, as JavaFX's is imported). */
    public static java.awt.Color awt(String armId) {
        return java.awt.Color.decode(hex(armId));
    }

    /** Inline CSS for a chip of the arm: its colour as background, readable text on it. */
    public static String chipStyle(String armId) {
        Color c = fx(armId);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        String text = luminance > 0.55 ? "#1a1a1a" : "white";
        return String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s;", hex(armId), text);
    }
}
