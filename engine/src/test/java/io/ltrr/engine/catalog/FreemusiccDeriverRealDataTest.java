package io.ltrr.engine.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The derivation on the real freemusi.cc data in ../shared/data, and the shipped sample catalog made from it. */
class FreemusiccDeriverRealDataTest {

    private static LoadResult derived;

    @BeforeAll
    static void derive() throws IOException {
        derived = FreemusiccDeriver.derive(SharedData.freemusicc());
    }

    private static Map<ItemType, Integer> countsByType(List<Item> items) {
        Map<ItemType, Integer> counts = new EnumMap<>(ItemType.class);
        items.forEach(i -> counts.merge(i.type(), 1, Integer::sum));
        return counts;
    }

    private static Item byId(String id) {
        return derived.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void derivesEveryMusicTypeAndOneTrackPerTrackRow() {
        Map<ItemType, Integer> counts = countsByType(derived.items());
        assertThat(counts).containsOnlyKeys(ItemType.TRACK, ItemType.ARTIST, ItemType.ALBUM, ItemType.STATION);
        assertThat(counts.values()).allMatch(n -> n > 0);
        // 21,502 track rows and 2,289 release rows, all parseable and joined.
        assertThat(counts.get(ItemType.TRACK)).isEqualTo(21_502);
        assertThat(counts.get(ItemType.ALBUM)).isEqualTo(2_289);
        assertThat(derived.problems()).isEmpty();
    }

    @Test
    void givesEveryItemAUniqueId() {
        Set<String> ids = new HashSet<>();
        assertThat(derived.items()).allSatisfy(i -> assertThat(ids.add(i.id())).as(i.id()).isTrue());
    }

    @Test
    void keepsPopularityInUnitIntervalAndRoundedToFourDecimals() {
        assertThat(derived.items()).allSatisfy(i -> {
            assertThat(i.popularity()).isBetween(0.0, 1.0);
            assertThat(SampleCatalogWriter.roundPopularity(i.popularity()).doubleValue()).isEqualTo(i.popularity());
        });
        assertThat(derived.items()).anyMatch(i -> i.popularity() > 0.5);
    }

    @Test
    void suffixesRepeatedDiscTrackNumbersInFileOrder() {
        // BSMX0033 lists its tracks twice (tracks.csv lines 4263 and 4264 are both disc 1, track 1).
        assertThat(byId("track:BSMX0033:1-1").title()).isEqualTo("Spellbound");
        assertThat(byId("track:BSMX0033:1-1~2").title()).isEqualTo("Spellbound");
    }

    @Test
    void repairsMojibakeInNamesAndTitles() {
        assertThat(byId("track:ca300_ca:4-14").artist()).isEqualTo("Oli Mayne, James O’sullivan, Noel Taylor");
        assertThat(derived.items()).noneMatch(i -> i.title().contains("Ã") || i.artist().contains("â€"));
    }

    @Test
    void namesStationsAfterTheirStyleWithTheGenresItCoOccursWith() {
        Item tripHop = byId("station:trip-hop");
        assertThat(tripHop.title()).isEqualTo("Trip Hop Radio");
        assertThat(tripHop.styles()).containsExactly("Trip Hop");
        assertThat(tripHop.genres()).isNotEmpty().hasSizeLessThanOrEqualTo(3).startsWith("Electronic");
    }

    @Test
    void derivesIdenticalBytesOnEveryRun(@TempDir Path first, @TempDir Path second) throws IOException {
        FreemusiccDeriver.deriveSampleCatalog(SharedData.freemusicc(), first);
        FreemusiccDeriver.deriveSampleCatalog(SharedData.freemusicc(), second);
        byte[] a = Files.readAllBytes(first.resolve("catalog.jsonl"));
        assertThat(a).isNotEmpty().isEqualTo(Files.readAllBytes(second.resolve("catalog.jsonl")));
        assertThat(first.resolve("LICENSE")).hasSameBinaryContentAs(SharedData.freemusicc().resolve("LICENSE"));
    }

    /** Golden check: the shipped file is what the deriver makes today; regenerate it when this fails on purpose. */
    @Test
    void shippedSampleCatalogMatchesAFreshDerivation(@TempDir Path out) throws IOException {
        FreemusiccDeriver.writeSampleCatalog(derived.items(), out);
        Path shipped = SharedData.projectRoot().resolve("sample-catalog");
        assertThat(shipped.resolve("catalog.jsonl")).hasSameBinaryContentAs(out.resolve("catalog.jsonl"));
        assertThat(shipped.resolve("LICENSE")).hasSameBinaryContentAs(SharedData.freemusicc().resolve("LICENSE"));
    }

    @Test
    void sampleCatalogReadmeStatesTheActualCountsPerType() throws IOException {
        String readme = Files.readString(SharedData.projectRoot().resolve("sample-catalog").resolve("README.md"));
        Map<ItemType, Integer> counts = countsByType(derived.items());
        for (ItemType type : counts.keySet()) {
            Matcher m = Pattern.compile("\\| `" + type.key() + "` +\\| +([0-9,]+) +\\|").matcher(readme);
            assertThat(m.find()).as("README row for " + type.key()).isTrue();
            assertThat(Integer.parseInt(m.group(1).replace(",", ""))).as(type.key()).isEqualTo(counts.get(type));
        }
    }
}
