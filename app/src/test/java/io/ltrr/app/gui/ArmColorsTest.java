package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One colour per arm, distinct for the shipped arms, stable for new ones. */
class ArmColorsTest {
    @Test
    void theShippedArmsHaveDistinctColours() {
        List<String> arms = List.of("bm25", "bm25-pop", "structured", "dense", "explore", "memory", "rewrite");
        assertThat(arms.stream().map(ArmColors::hex).distinct()).hasSize(arms.size());
    }

    @Test
    void anUnknownArmGetsTheSameColourEveryTime() {
        assertThat(ArmColors.hex("new-arm")).isEqualTo(ArmColors.hex("new-arm")).matches("#[0-9A-F]{6}");
        assertThat(ArmColors.awt("bm25").getRGB() & 0xFFFFFF).isEqualTo(0x0072B2);
    }
}
