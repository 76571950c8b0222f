package io.ltrr.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The ASCII fast path of {@link Keywords#key} gives exactly what the general (regex) path gives. */
class KeywordsProperties {
    @Property(tries = 2000, seed = "20260207")
    void asciiFastPathEqualsTheGeneralKey(@ForAll @CharRange(from = 0, to = 127) @StringLength(max = 40) String value) {
        assertThat(Keywords.asciiKey(value)).isEqualTo(Keywords.unicodeKey(value));
    }

    @Property(tries = 500, seed = "20260208")
    void asciiFastPathEqualsTheGeneralKeyOnNameLikeText(
            @ForAll @CharRange(from = 'A', to = 'Z') @CharRange(from = 'a', to = 'c') @CharRange(from = ' ', to = '/')
            @CharRange(from = '\t', to = '\r') @CharRange(from = '_', to = '_') @StringLength(max = 30) String value) {
        assertThat(Keywords.asciiKey(value)).isEqualTo(Keywords.unicodeKey(value));
    }

    @Test
    void nonAsciiTakesTheGeneralPath() {
        assertThat(Keywords.asciiKey("Björk")).isNull();
        assertThat(Keywords.key(" Björk ")).isEqualTo("bjork");
        assertThat(Keywords.key("Trip-Hop")).isEqualTo("trip hop");
        assertThat(Keywords.key("  Drum _/- Bass\t")).isEqualTo("drum bass");
        assertThat(Keywords.key("\u0001x\u0001")).isEqualTo("x");
    }
}
