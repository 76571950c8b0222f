package io.ltrr.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.prefs.PreferenceParser;
import io.ltrr.engine.prefs.PreferenceStatement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreferenceParserTest {
    final PreferenceParser parser = new PreferenceParser(
            List.of("Jazz", "Trip Hop", "Ambient", "Dub", "No Wave", "trip hop", "Hip Hop", "Drum & Bass"));

    private String read(String text) {
        StringBuilder sb = new StringBuilder();
        for (PreferenceStatement s : parser.parse(text)) {
            sb.append(sb.isEmpty() ? "" : "; ").append(s.style()).append(' ').append(s.delta());
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I like jazz                              | Jazz 0.5
            more trip hop                            | Trip Hop 0.25
            less ambient                             | Ambient -0.25
            I don't like dub                         | Dub -0.5
            I LOVE Trip-Hop!                         | Trip Hop 0.75
            jazz and hip hop please                  | Jazz 0.5; Hip Hop 0.5
            I like jazz but less ambient             | Jazz 0.5; Ambient -0.25
            i hate no wave                           | No Wave -0.75
            no more drum and bass                    | Drum & Bass -0.5
            I like metal                             | ''
            """)
    void readsStatements(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }
}
