package io.ltrr.app.gui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The one place where each arm gets its colour and short code: chips, tables and charts all ask here, so an arm
 * looks the same everywhere. The shipped arms take the seven Okabe–Ito colours (distinguishable with the common
 * colour-vision deficiencies: no two shipped arms share a hue family, e.g. bm25 blue and bm25-pop orange, explore
 * yellow and memory vermillion), and every chip also says which arm it is in text. An arm added later gets a stable
 * colour from its id.
 */
public final class ArmColors {
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();
    private static final Map<String, String> CODES = new LinkedHashMap<>();
    /** Okabe–Ito's palette (black last), used for arms without a fixed colour. */
    private static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
            "#56B4E9", "#F0E442", "#000000");

    static {
        known("bm25", "#0072B2", "BM");         // blue
        known("bm25-pop", "#E69F00", "POP");    // orange
        known("structured", "#009E73", "STR");  // bluish green
        known("dense", "#CC79A7", "DNS");       // reddish purple
        known("explore", "#F0E442", "EXP");     // yellow
        known("memory", "#D55E00", "MEM");      // vermillion
        known("rewrite", "#000000", "RW");      // black
    }

    private ArmColors() {
    }

    private static void known(String arm, String hex, String code) {
        KNOWN.put(arm, hex);
        CODES.put(arm, code);
    }

    /** The shipped arms with a fixed colour, in display order. */
    public static List<String> knownArms() {
        return List.copyOf(KNOWN.keySet());
    }

    /** The arm's colour as "#RRGGBB". */
    public static String hex(String armId) {
        String known = KNOWN.get(armId);
        if (known != null) {
            return known;
        }
        return PALETTE.get(Math.floorMod(armId.hashCode(), PALETTE.size()));
    }

    /** A short code for narrow places (BM, POP, …); an unknown arm's first four letters in capitals. */
    public static String code(String armId) {
        String known = CODES.get(armId);
        if (known != null) {
            return known;
        }
        String letters = armId.replaceAll("[^A-Za-z0-9]", "");
        return (letters.isEmpty() ? armId : letters).substring(0, Math.min(4, Math.max(1,
                letters.isEmpty() ? armId.length() : letters.length()))).toUpperCase(Locale.ROOT);
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
