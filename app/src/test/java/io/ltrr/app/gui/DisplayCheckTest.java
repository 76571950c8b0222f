package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void linuxWithoutAnyDisplayIsAProblemWithAHint() {
        assertThat(DisplayCheck.problem("Linux", null, Map.of()))
                .hasValueSatisfying(m -> assertThat(m).contains("DISPLAY").contains("xvfb-run"));
        assertThat(DisplayCheck.problem("Linux", null, Map.of("DISPLAY", "  "))).isPresent();
    }

    @Test
    void anX11OrWaylandDisplayOrMonocleOrAnotherOsIsFine() {
        assertThat(DisplayCheck.problem("Linux", null, Map.of("DISPLAY", ":99"))).isEmpty();
        assertThat(DisplayCheck.problem("Linux", null, Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
        assertThat(DisplayCheck.problem("Linux", "Monocle", Map.of())).isEmpty();
        assertThat(DisplayCheck.problem("Mac OS X", null, Map.of())).isEmpty();
        assertThat(DisplayCheck.problem("Windows 11", null, Map.of())).isEmpty();
    }

    @Test
    void aMissingGtkNamesThePackages() {
        var failure = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(DisplayCheck.startFailure(failure))
                .contains("Unable to load glass GTK library").contains("libgtk-3-0");
        assertThat(DisplayCheck.startFailure(new IllegalStateException()))
                .contains("IllegalStateException").doesNotContain("libgtk");
    }
}
