package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.catalog.ItemType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTaggerTest {

    private static final CatalogTagger TAGGER = CatalogTagger.build(SmallCatalog.items());

    @Test
    void aRepeatedQueryGetsTheAnalysisKeptFromBeforeWhichIsTheOneAnUncachedTaggerMakes() {
        CatalogTagger tagger = CatalogTagger.build(SmallCatalog.items());
        QueryAnalysis first = tagger.analyze("tayler love");
        assertThat(tagger.analyze("tayler love")).isSameAs(first);
        assertThat(tagger.uncached().analyze("tayler love")).isEqualTo(first).isNotSameAs(first);
        assertThat(tagger.analyze(null)).isEqualTo(tagger.uncached().analyze(""));
    }

    @Test
    void readsATypoOfAnArtistPlusAFreeWord() {
        QueryAnalysis a = TAGGER.analyze("tayler love");

        assertThat(a.tokens()).containsExactly("tayler", "love");
        Interpretation artistPlusFree = a.interpretations().stream()
                .filter(i -> i.description().equals("artist≈\"Taylor Swift\" + title~\"love\""))
                .findFirst().orElseThrow();
        Slot artist = artistPlusFree.slot(SlotType.ARTIST).orElseThrow();
        assertThat(artist.kind()).isEqualTo(MatchKind.FUZZY);
        assertThat(artist.start()).isZero();
        assertThat(artist.end()).isEqualTo(1);
        assertThat(artistPlusFree.freeTokens()).containsExactly("love");
        assertThat(a.top().slot(SlotType.ARTIST)).map(Slot::value).contains("Taylor Swift");
        assertThat(a.interpretations()).anySatisfy(i -> assertThat(i.slot(SlotType.ARTIST))
                .map(Slot::value).contains("Harvey Taylor"));
        assertThat(a.freeText().freeTokens()).containsExactly("tayler", "love");
        assertThat(a.feature("qu.fuzzy")).isGreaterThan(0.5);
    }

    @Test
    void aSingleCommonWordIsAmbiguousWithTitleAndStyleReadings() {
        QueryAnalysis a = TAGGER.analyze("love");

        assertThat(a.type()).isEqualTo(QueryType.AMBIGUOUS);
        assertThat(a.interpretations()).extracting(Interpretation::description)
                .contains("title=\"Love\"", "style≈\"Love Songs\"", "title~\"love\"");
        assertThat(a.confidence()).isLessThan(0.5);
    }

    @Test
    void readsDecadeAndStyleAsTopical() {
        QueryAnalysis a = TAGGER.analyze("90s trip hop");

        assertThat(a.type()).isEqualTo(QueryType.TOPICAL);
        assertThat(a.top().description()).isEqualTo("decade=1990–1999 + style=\"Trip Hop\"");
        Slot decade = a.top().slot(SlotType.DECADE).orElseThrow();
        assertThat(decade.yearFrom()).isEqualTo(1990);
        assertThat(decade.yearTo()).isEqualTo(1999);
        assertThat(a.top().freeTokens()).isEmpty();
        assertThat(a.feature("qu.has_decade")).isGreaterThan(0.5);
        assertThat(a.feature("qu.has_style")).isGreaterThan(0.5);
    }

    @ParameterizedTest(name = "[{index}] {0} -> style {1} + type {2}")
    @CsvSource({
        "trip hop radio, Trip Hop, STATION",
        "ambient album,  Ambient,  ALBUM",
        "ambient songs,  Ambient,  TRACK",
        "trip hop bands, Trip Hop, ARTIST",
    })
    void readsStylePlusItemTypeWordAsTopical(String query, String style, ItemType itemType) {
        QueryAnalysis a = TAGGER.analyze(query);

        assertThat(a.type()).isEqualTo(QueryType.TOPICAL);
        assertThat(a.top().slot(SlotType.STYLE)).map(Slot::value).contains(style);
        assertThat(a.top().slot(SlotType.TYPE)).map(Slot::itemType).contains(itemType);
        assertThat(a.top().freeTokens()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is the artist {1}")
    @CsvSource({
        "Taylor Swift,   Taylor Swift",
        "massive attack, Massive Attack",
        "PORTISHEAD,     Portishead",
        "Aphex  Twin!,   Aphex Twin",
    })
    void exactArtistNamesAreEntities(String query, String artist) {
        QueryAnalysis a = TAGGER.analyze(query);

        assertThat(a.type()).isEqualTo(QueryType.ENTITY);
        Slot slot = a.top().slot(SlotType.ARTIST).orElseThrow();
        assertThat(slot.value()).isEqualTo(artist);
        assertThat(slot.kind()).isEqualTo(MatchKind.EXACT);
        assertThat(slot.similarity()).isEqualTo(1.0);
        assertThat(a.confidence()).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "!!! ??? ***"})
    void anEmptyQueryGivesOnlyTheEmptyFreeTextReading(String query) {
        QueryAnalysis a = TAGGER.analyze(query);

        assertThat(a.tokens()).isEmpty();
        assertThat(a.normalized()).isEmpty();
        assertThat(a.type()).isEqualTo(QueryType.AMBIGUOUS);
        assertThat(a.interpretations()).singleElement().satisfies(i -> {
            assertThat(i.isFreeText()).isTrue();
            assertThat(i.freeTokens()).isEmpty();
            assertThat(i.likelihood()).isEqualTo(1.0);
        });
        assertThat(a.feature("qu.tokens")).isZero();
    }

    @Test
    void buildsFromDocumentsWithoutGenresOrStyles() {
        CatalogTagger docs = CatalogTagger.build(List.of(
                io.ltrr.engine.catalog.Item.document("d1", "Microstructural development of white matter", "text")));
        assertThat(docs.analyze("white matter development").interpretations()).isNotEmpty();
    }

    @Test
    void aNullQueryIsReadAsEmpty() {
        assertThat(TAGGER.analyze(null).original()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}..{2}")
    @CsvSource(quoteCharacter = '"', value = {
        "90s,       DECADE, 1990, 1999",
        "'90s,      DECADE, 1990, 1999",
        "90's,      DECADE, 1990, 1999",
        "1990s,     DECADE, 1990, 1999",
        "nineties,  DECADE, 1990, 1999",
        "80s,       DECADE, 1980, 1989",
        "00s,       DECADE, 2000, 2009",
        "2010s,     DECADE, 2010, 2019",
        "2009,      YEAR,   2009, 2009",
        "1998,      YEAR,   1998, 1998",
    })
    void recognisesDecadesAndYears(String query, SlotType type, int from, int to) {
        Slot slot = TAGGER.analyze(query).top().slot(type).orElseThrow();

        assertThat(slot.yearFrom()).isEqualTo(from);
        assertThat(slot.yearTo()).isEqualTo(to);
        assertThat(slot.kind()).isEqualTo(MatchKind.EXACT);
    }

    @Test
    void correctsATransposedLetterInAnArtistName() {
        Slot slot = TAGGER.analyze("portishaed").top().slot(SlotType.ARTIST).orElseThrow();

        assertThat(slot.value()).isEqualTo("Portishead");
        assertThat(slot.kind()).isEqualTo(MatchKind.FUZZY);
        assertThat(slot.similarity()).isBetween(0.7, 0.9);
    }

    @Test
    void completesTheLastTokenWhileItIsBeingTyped() {
        Slot typing = TAGGER.analyze("taylor sw").top().slot(SlotType.ARTIST).orElseThrow();
        QueryAnalysis finished = TAGGER.analyze("taylor sw ");

        assertThat(typing.value()).isEqualTo("Taylor Swift");
        assertThat(typing.kind()).isEqualTo(MatchKind.PREFIX);
        assertThat(typing.end()).isEqualTo(2);
        assertThat(finished.interpretations()).allSatisfy(i ->
                assertThat(i.slots()).noneMatch(s -> s.kind() == MatchKind.PREFIX));
    }

    @Test
    void matchesMultiWordStylesTypedAsOneWord() {
        assertThat(TAGGER.analyze("triphop").top().description()).isEqualTo("style=\"Trip Hop\"");
        assertThat(TAGGER.analyze("synthpop").top().description()).isEqualTo("style=\"Synth-pop\"");
    }

    @Test
    void aSurnameAloneIsAPartialArtistMatch() {
        QueryAnalysis a = TAGGER.analyze("swift");

        Slot slot = a.top().slot(SlotType.ARTIST).orElseThrow();
        assertThat(slot.value()).isEqualTo("Taylor Swift");
        assertThat(slot.kind()).isEqualTo(MatchKind.PARTIAL);
        assertThat(slot.similarity()).isCloseTo(0.8 * Math.sqrt(0.5), within(1e-9));
    }

    @Test
    void unknownWordsAreFreeTextOnly() {
        QueryAnalysis a = TAGGER.analyze("qwzx vvbn");

        assertThat(a.interpretations()).singleElement().satisfies(i -> {
            assertThat(i.description()).isEqualTo("title~\"qwzx vvbn\"");
            assertThat(i.likelihood()).isEqualTo(1.0);
        });
        assertThat(a.type()).isEqualTo(QueryType.AMBIGUOUS);
    }

    @Test
    void styleAndGenreSlotsMayCombineButNeverRepeatAValue() {
        QueryAnalysis a = TAGGER.analyze("ambient trip hop");

        assertThat(a.top().description()).isEqualTo("style=\"Ambient\" + style=\"Trip Hop\"");
        assertThat(a.interpretations()).allSatisfy(i -> assertThat(i.slots().stream()
                .map(s -> s.type() + s.value()).distinct().count()).isEqualTo(i.slots().size()));
    }

    @Test
    void interpretationsAreSortedBoundedAndSumToOne() {
        for (String q : List.of("tayler love", "90s trip hop", "love", "ambient", "aphex twin xtal 1992 album")) {
            List<Interpretation> is = TAGGER.analyze(q).interpretations();

            assertThat(is).as(q).hasSizeBetween(1, CatalogTagger.MAX_INTERPRETATIONS);
            assertThat(is.stream().mapToDouble(Interpretation::likelihood).sum()).as(q).isCloseTo(1.0, within(1e-9));
            assertThat(is).as(q).isSortedAccordingTo((x, y) -> Double.compare(y.likelihood(), x.likelihood()));
            assertThat(is).as(q).filteredOn(Interpretation::isFreeText).hasSize(1);
            assertThat(TAGGER.analyze(q).confidence()).isEqualTo(is.getFirst().likelihood());
        }
    }

    @Test
    void slotsOfAnInterpretationDoNotOverlapAndFreeTokensFillTheRest() {
        QueryAnalysis a = TAGGER.analyze("aphex twin xtal 1992 album");

        for (Interpretation i : a.interpretations()) {
            boolean[] covered = new boolean[a.tokens().size()];
            for (Slot s : i.slots()) {
                for (int t = s.start(); t < s.end(); t++) {
                    assertThat(covered[t]).as("token %d covered twice in %s", t, i.description()).isFalse();
                    covered[t] = true;
                }
            }
            long free = java.util.stream.IntStream.range(0, covered.length).filter(t -> !covered[t]).count();
            assertThat(i.freeTokens()).hasSize((int) free);
        }
        assertThat(a.top().description()).isEqualTo("artist=\"Aphex Twin\" + title=\"Xtal\" + year=1992 + type=album");
    }

    @Test
    void analysisIsDeterministic() {
        CatalogTagger other = CatalogTagger.build(SmallCatalog.items());

        assertThat(other.analyze("tayler love")).isEqualTo(TAGGER.analyze("tayler love"));
    }

    @Test
    void featuresAreNamedAndConsistentWithTheAnalysis() {
        QueryAnalysis a = TAGGER.analyze("massive attack");

        assertThat(a.features()).containsKeys("qu.tokens", "qu.confidence", "qu.type.entity", "qu.has_artist",
                "qu.has_style", "qu.has_decade", "qu.fuzzy");
        assertThat(a.feature("qu.tokens")).isEqualTo(2.0);
        assertThat(a.feature("qu.confidence")).isEqualTo(a.confidence());
        assertThat(a.feature("qu.type.entity")).isEqualTo(1.0);
        assertThat(a.feature("qu.type.topical")).isZero();
        assertThat(a.feature("qu.has_artist")).isGreaterThan(0.9);
        assertThat(a.feature("qu.fuzzy")).isZero();
        assertThat(a.feature("qu.coverage")).isEqualTo(1.0);
    }
}
