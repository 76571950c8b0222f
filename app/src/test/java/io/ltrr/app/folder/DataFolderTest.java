package io.ltrr.app.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --data, then $LTRR_DATA, then $XDG_DATA_HOME/ltrr, then ~/.local/share/ltrr; always absolute and normalized. */
class DataFolderTest {
    private static final String HOME = "/home/ada";

    @ParameterizedTest(name = "--data {0}, LTRR_DATA {1}, XDG_DATA_HOME {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "/srv/given,  /srv/env, /srv/xdg, /srv/given",
            "-,           /srv/env, /srv/xdg, /srv/env",
            "-,           '  ',     /srv/xdg, /srv/xdg/ltrr",
            "-,           -,        /srv/xdg, /srv/xdg/ltrr",
            "-,           -,        '',       /home/ada/.local/share/ltrr",
            "-,           -,        -,        /home/ada/.local/share/ltrr",
            "/srv/a/../b, /srv/env, -,        /srv/b",
            "-,           /srv/./env/, -,     /srv/env",
    })
    void resolvesInOrderOfPrecedence(String given, String ltrrData, String xdg, String expected) {
        Map<String, String> env = new HashMap<>();
        if (ltrrData != null) {
            env.put("LTRR_DATA", ltrrData);
        }
        if (xdg != null) {
            env.put("XDG_DATA_HOME", xdg);
        }
        assertThat(DataFolder.resolve(given == null ? null : Path.of(given), env, HOME)).isEqualTo(Path.of(expected));
    }

    @Test
    void aRelativeFolderIsTakenFromTheWorkingDirectory() {
        Path resolved = DataFolder.resolve(Path.of("data/../my-data"), Map.of(), HOME);
        assertThat(resolved).isAbsolute().isEqualTo(Path.of("").toAbsolutePath().resolve("my-data"));
        assertThat(DataFolder.resolve(null, Map.of("LTRR_DATA", "rel"), HOME))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("rel"));
    }
}
