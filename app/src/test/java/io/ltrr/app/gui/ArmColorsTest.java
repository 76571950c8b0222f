package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * One colour and one short code per arm: the shipped arms stay apart also for colour-blind eyes (each pair at least
 * {@value #MIN_DELTA_E} CIE76 ΔE apart in normal vision and in simulated protanopia, deuteranopia and tritanopia,
 * Machado et al. 2009 at full severity), and carry distinct text labels; new arms get stable colours.
 */
class ArmColorsTest {
    static final double MIN_DELTA_E = 16;
    static final List<String> SHIPPED = List.of("bm25", "bm25-pop", "structured", "dense", "explore", "memory",
            "rewrite");
    static final Map<String, double[][]> VISION = Map.of(
            "normal", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            "protanopia", new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}},
            "deuteranopia", new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}},
            "tritanopia", new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}});

    @Test
    void theShippedArmsHaveDistinctColoursAndCodes() {
        assertThat(ArmColors.knownArms()).containsExactlyElementsOf(SHIPPED);
        assertThat(SHIPPED.stream().map(ArmColors::hex).distinct()).hasSize(SHIPPED.size());
        assertThat(SHIPPED.stream().map(ArmColors::code).distinct()).hasSize(SHIPPED.size());
    }

    @Test
    void noTwoShippedArmsLookAlikeInNormalOrColourBlindVision() {
        VISION.forEach((vision, m) -> {
            for (int i = 0; i < SHIPPED.size(); i++) {
                for (int j = i + 1; j < SHIPPED.size(); j++) {
                    String a = SHIPPED.get(i);
                    String b = SHIPPED.get(j);
                    assertThat(deltaE(lab(ArmColors.fx(a), m), lab(ArmColors.fx(b), m)))
                            .as("%s vs %s in %s", a, b, vision).isGreaterThanOrEqualTo(MIN_DELTA_E);
                }
            }
        });
    }

    @Test
    void anUnknownArmGetsTheSameColourAndCodeEveryTime() {
        assertThat(ArmColors.hex("new-arm")).isEqualTo(ArmColors.hex("new-arm")).matches("#[0-9A-F]{6}");
        assertThat(ArmColors.code("new-arm")).isEqualTo("NEWA");
        assertThat(ArmColors.awt("bm25").getRGB() & 0xFFFFFF).isEqualTo(0x0072B2);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIELAB (D65) of the colour as seen through the simulation matrix {@code m} (on linear RGB). */
    private static double[] lab(Color c, double[][] m) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] s = new double[3];
        for (int r = 0; r < 3; r++) {
            s[r] = Math.clamp(m[r][0] * rgb[0] + m[r][1] * rgb[1] + m[r][2] * rgb[2], 0.0, 1.0);
        }
        double x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
        double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        double z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double deltaE(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }
}
