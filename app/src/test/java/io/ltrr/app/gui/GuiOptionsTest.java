package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The hidden {@code --window-size WxH} (the README's demo-mode pictures) and the options that carry it. */
class GuiOptionsTest {
    @Test
    void aWindowSizeIsWidthByHeightInPixels() {
        assertThat(GuiCommand.windowSize("1280x720")).containsExactly(1280, 720);
        assertThat(GuiCommand.windowSize(" 1920x1080 ")).containsExactly(1920, 1080);
        assertThat(GuiCommand.windowSize(null)).containsExactly(0, 0);
    }

    @Test
    void aBadWindowSizeIsOneLineNamingTheOptionWithoutControlCharacters() {
        for (String bad : new String[] {"1280", "1280*720", "x720", "12x7", "big\u001b[2Jx720"}) {
            assertThatThrownBy(() -> GuiCommand.windowSize(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--window-size must be WIDTHxHEIGHT")
                    .hasMessageNotContaining("\u001b").hasMessageNotContaining("\n");
        }
    }

    @Test
    void bothSidesOfTheWindowOrNeither() {
        Path data = Path.of("data");
        assertThat(new GuiOptions(data, false, null, null, true, null, 0, null, 1280, 720).windowWidth())
                .isEqualTo(1280);
        assertThat(new GuiOptions(data, false, null, null, true, null, 0, null).windowWidth()).isZero();
        assertThatThrownBy(() -> new GuiOptions(data, false, null, null, true, null, 0, null, 1280, 0))
                .hasMessageContaining("windowWidth and windowHeight");
    }
}
