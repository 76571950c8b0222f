package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tagger on the real freemusi.cc catalog (~21k tracks); skipped when the shared data is absent. */
class RealCatalogTaggerTest {

    private static CatalogTagger tagger;

    @BeforeAll
    static void buildOnce() {
        Assumptions.assumeTrue(RealCatalog.available(), "shared freemusicc data not found");
        tagger = CatalogTagger.build(RealCatalog.items());
    }

    @Test
    void dictionaryHoldsTheCatalogsPhrases() {
        assertThat(tagger.phraseCount()).isBetween(25_000, 35_000);
        assertThat(tagger.vocabularySize()).isBetween(15_000, 30_000);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "90s trip hop                | TOPICAL   | decade=1990–1999 + style=\"Trip Hop\"",
        "trip hop radio              | TOPICAL   | style=\"Trip Hop\" + type=station",
        "ambient album               | TOPICAL   | style=\"Ambient\" + type=album",
        "chiptune                    | TOPICAL   | style=\"Chiptune\"",
        "minimal tech house          | TOPICAL   | style=\"Minimal\" + style=\"Tech House\"",
        "dubstep 2011                | TOPICAL   | style=\"Dubstep\" + year=2011",
        "orange horizon              | ENTITY    | title=\"Orange Horizon\"",
        "mike link and harvey taylor | ENTITY    | artist=\"Mike Link & Harvey Taylor\"",
        "love                        | AMBIGUOUS | title=\"Love\"",
    })
    void readsTypicalQueries(String query, QueryType type, String topDescription) {
        QueryAnalysis a = tagger.analyze(query);

        assertThat(a.type()).isEqualTo(type);
        assertThat(a.top().description()).isEqualTo(topDescription);
    }

    @Test
    void readsTaylerAsAFuzzyArtistNextToAFreeLove() {
        QueryAnalysis a = tagger.analyze("tayler love");

        assertThat(a.interpretations()).anySatisfy(i -> {
            assertThat(i.slots()).singleElement().satisfies(artist -> {
                assertThat(artist.type()).isEqualTo(SlotType.ARTIST);
                assertThat(artist.kind()).isEqualTo(MatchKind.FUZZY);
                assertThat(artist.end()).isEqualTo(1);
            });
            assertThat(i.freeTokens()).containsExactly("love");
        });
        assertThat(a.freeText().freeTokens()).containsExactly("tayler", "love");
    }

    @Test
    void correctsATypoInAStyle() {
        Slot style = tagger.analyze("experimantal").top().slot(SlotType.STYLE).orElseThrow();

        assertThat(style.value()).isEqualTo("Experimental");
        assertThat(style.kind()).isEqualTo(MatchKind.FUZZY);
    }
}
