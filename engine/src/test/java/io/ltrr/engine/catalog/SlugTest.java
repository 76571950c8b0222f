package io.ltrr.engine.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Trip Hop              | trip-hop
            Sigur Rós             | sigur-ros
            (Val)liam             | val-liam
            Drum & Bass           | drum-bass
            '  --Funk / Soul--  ' | funk-soul
            Тарелка               | тарелка
            """)
    void keepsLowerCaseLettersAndDigitsJoinedByHyphens(String text, String slug) {
        assertThat(Slug.of(text)).isEqualTo(slug);
    }

    @Test
    void givesNamesWithoutLettersAStableNonEmptySlug() {
        assertThat(Slug.of("!!!")).matches("x[0-9a-f]{8}").isEqualTo(Slug.of("!!!")).isNotEqualTo(Slug.of("???"));
    }
}
