package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryNormalizerTest {

    private final QueryNormalizer normalizer = new QueryNormalizer();

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Taylor Swift            | taylor swift",
        "  BJÖRK   Guðmundsdóttir | bjork gudmundsdottir",
        "Beyoncé                 | beyonce",
        "'90s trip-hop           | 90s trip hop",
        "90's                    | 90s",
        "title:(love AND \"rain\")^2 | title love and rain 2",
        "Drum & Bass             | drum and bass",
        "Ｆｕｌｌ　ｗｉｄｔｈ     | full width",
        "don’t stop              | dont stop",
        "Straße                  | strasse",
        "ﬁre                     | fire",
    })
    void normalizesCaseAccentsPunctuationAndWidth(String raw, String expected) {
        assertThat(normalizer.normalize(raw).text()).isEqualTo(expected);
    }

    @Test
    void tokensAreTheSpaceSeparatedWordsOfTheText() {
        NormalizedQuery q = normalizer.normalize("Harvey   Taylor -- LOVE!!!");

        assertThat(q.tokens()).containsExactly("harvey", "taylor", "love");
        assertThat(q.text()).isEqualTo("harvey taylor love");
    }

    @Test
    void keepsLettersOfNonLatinScripts() {
        assertThat(normalizer.tokens("موسيقى 音楽 музыка")).containsExactly("موسيقى", "音楽", "музыка");
    }

    @Test
    void dropsEmojiAndControlCharacters() {
        assertThat(normalizer.tokens("love\u0000\u0007 🎵 song\u202E")).containsExactly("love", "song");
    }

    @Test
    void nullEmptyAndBlankGiveAnEmptyResult() {
        for (String raw : new String[] {null, "", "   \t\n", "!!! ??? ***"}) {
            NormalizedQuery q = normalizer.normalize(raw);
            assertThat(q.isEmpty()).as("for %s", raw).isTrue();
            assertThat(q.text()).isEmpty();
        }
    }

    @Test
    void boundsTokensAndCharacters() {
        String many = "word ".repeat(2_000);

        NormalizedQuery q = normalizer.normalize(many);

        assertThat(q.tokens()).hasSize(QueryNormalizer.MAX_TOKENS);
        assertThat(q.text().length()).isLessThanOrEqualTo(QueryNormalizer.MAX_CHARS);
    }

    @Test
    void aTokenLongerThanTheTextBoundIsDropped() {
        assertThat(normalizer.tokens("x".repeat(10_000))).isEmpty();
        assertThat(normalizer.tokens("ok " + "y".repeat(300))).isEqualTo(List.of("ok"));
    }
}
