package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Control and escape characters from data never reach a terminal; everything else passes unchanged. */
class TerminalSafeOutputTest {
    private static String through(String s, boolean allowCr) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new TerminalSafeOutput(bytes, allowCr), true, StandardCharsets.UTF_8)) {
            out.print(s);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void escapesAndControlsBecomeVisible() throws IOException {
        String[][] cases = {
                {"evil\u001b[2J\u001b]0;pwned\u0007", "evil^[[2J^[]0;pwned^G"},
                {"nul\u0000byte", "nul^@byte"},
                {"del\u007f", "del^?"},
                {"c1\u009b31m", "c1<U+009B>31m"},
                {"bidi\u202eevil\u2066x\u2069", "bidi<U+202E>evil<U+2066>x<U+2069>"},
                {"back\rspace\b", "back^Mspace^H"}};
        for (String[] c : cases) {
            assertThat(through(c[0], false)).isEqualTo(c[1]);
            assertThat(TerminalSafeOutput.clean(c[0])).isEqualTo(c[1]);
        }
    }

    @Test
    void printableTextAndLineBreaksPassUnchanged() throws IOException {
        for (String text : new String[] {"Beyoncé — Déjà vu ♪ 東京 🎵", "line\nnext\ttab", "\u2014dash\u2019quote\u20acuro"}) {
            assertThat(through(text, false)).isEqualTo(text);
            assertThat(TerminalSafeOutput.clean(text)).isEqualTo(text);
        }
        assertThat(through("progress\r", true)).as("the progress bar's carriage return on stderr")
                .isEqualTo("progress\r");
    }

    /** 5,000 seeded random strings, dense in controls, C1, bidi marks and multi-byte neighbours of them. */
    @Test
    void nothingBelowSpaceButNewlineAndTabEverPasses() throws IOException {
        Random random = new Random(17);
        int[] pool = {0x00, 0x07, 0x08, 0x0D, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0xA0, 0xE9, 0x2000, 0x2019, 0x2029,
                0x202A, 0x202E, 0x202F, 0x2066, 0x2069, 0x206A, 0x20AC, 0x6771, 0x1F3B5, '\n', '\t', 'a', '[', ';'};
        for (int n = 0; n < 5000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                b.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String data = b.toString();
            String shown = through(data, false);
            assertThat(shown.chars()).as("%s", data.codePoints().mapToObj(Integer::toHexString).toList())
                    .allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && !(c >= 0x202A && c <= 0x202E)
                            && !(c >= 0x2066 && c <= 0x2069) || c == '\n' || c == '\t');
            assertThat(shown).isEqualTo(TerminalSafeOutput.clean(data));
        }
    }
}
