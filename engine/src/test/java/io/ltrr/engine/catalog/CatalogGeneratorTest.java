package io.ltrr.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogGeneratorTest {
    private static final long SEED = 20261204L;
    private static List<Item> source;
    private static CatalogProfile profile;
    private static List<Item> generated;

    @BeforeAll
    static void generateFromTheSampleCatalog() throws IOException {
        source = Catalogs.load(io.ltrr.engine.SharedData.sampleCatalogFile(), CatalogFormat.SAMPLE, null).items();
        profile = CatalogProfile.of(source);
        generated = new ArrayList<>();
        new CatalogGenerator(profile, SEED).generate(40_000, generated::add);
    }

    @Test
    void producesExactlyTheRequestedNumberOfItemsWithUniqueIds() {
        assertEquals(40_000, generated.size());
        Set<String> ids = new HashSet<>();
        generated.forEach(i -> assertTrue(ids.add(i.id()), "duplicate id " + i.id()));
    }

    @Test
    void sameSeedWritesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        new CatalogGenerator(profile, SEED).write(5_000, a);
        new CatalogGenerator(CatalogProfile.of(source), SEED).write(5_000, b);
        new CatalogGenerator(profile, SEED + 1).write(5_000, c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void writtenFileLoadsAsASampleCatalogWithTheSameItems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gen.jsonl");
        Map<ItemType, Long> counts = new CatalogGenerator(profile, SEED).write(3_000, file);
        assertEquals(CatalogFormat.SAMPLE, CatalogFormat.detect(file));
        LoadResult read = Catalogs.load(file);
        assertEquals(0, read.skipped(), read.problems().toString());
        assertEquals(3_000, read.loaded());
        assertEquals(3_000L, counts.values().stream().mapToLong(Long::longValue).sum());
        List<Item> direct = new ArrayList<>();
        new CatalogGenerator(profile, SEED).generate(3_000, direct::add);
        assertEquals(direct.stream().map(SampleCatalogWriter::line).toList(),
                read.items().stream().map(SampleCatalogWriter::line).toList());
    }

    @Test
    void typeMixFollowsTheSource() {
        for (ItemType type : List.of(ItemType.TRACK, ItemType.ALBUM, ItemType.ARTIST, ItemType.STATION)) {
            double expected = profile.typeShare(type);
            double actual = share(generated, i -> i.type() == type);
            assertEquals(expected, actual, 0.02, type + " share");
        }
    }

    @Test
    void popularityOfTracksFollowsTheSource() {
        double[] src = popularities(source, ItemType.TRACK);
        double[] gen = popularities(generated, ItemType.TRACK);
        assertEquals(mean(src), mean(gen), 0.02, "mean track popularity");
        assertEquals(quantile(src, 0.9), quantile(gen, 0.9), 0.05, "90th percentile of track popularity");
        assertEquals(quantile(src, 0.1), quantile(gen, 0.1), 0.05, "10th percentile of track popularity");
    }

    @Test
    void yearsAndTracksPerAlbumFollowTheSource() {
        assertEquals(share(source, i -> i.type() == ItemType.ALBUM && i.year() == 0)
                        / profile.typeShare(ItemType.ALBUM),
                share(generated, i -> i.type() == ItemType.ALBUM && i.year() == 0)
                        / share(generated, i -> i.type() == ItemType.ALBUM), 0.03, "share of albums without a year");
        double tracksPerAlbum = share(generated, i -> i.type() == ItemType.TRACK)
                / share(generated, i -> i.type() == ItemType.ALBUM);
        assertEquals(profile.meanTracksPerAlbum(), tracksPerAlbum, 0.1 * profile.meanTracksPerAlbum());
    }

    @Test
    void vocabularyComesFromTheSourceWithItsMostFrequentWords() {
        Set<String> sourceStyles = new HashSet<>();
        source.forEach(i -> sourceStyles.addAll(i.styles()));
        Set<String> sourceWords = new HashSet<>(profile.titleWords());
        Map<String, Integer> generatedWords = new HashMap<>();
        for (Item item : generated) {
            assertTrue(sourceStyles.containsAll(item.styles()), item + " has a style the source lacks");
            if (item.type() == ItemType.TRACK) {
                for (String w : item.title().split(" ")) {
                    assertTrue(sourceWords.contains(w), "'" + w + "' is not a source title word");
                    generatedWords.merge(w, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> sourceCounts = new HashMap<>();
        profile.titleWords().forEach(w -> sourceCounts.merge(w, 1, Integer::sum));
        String topSource = top(sourceCounts);
        String topGenerated = top(generatedWords);
        List<String> sourceTop10 = sourceCounts.entrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue())).limit(10).map(Map.Entry::getKey).toList();
        assertTrue(sourceTop10.contains(topGenerated), topGenerated + " is not among the source's top words "
                + sourceTop10 + " (source's top: " + topSource + ")");
    }

    @Test
    void tracksNameArtistsThatExistAsArtistItems() {
        Set<String> artists = new HashSet<>();
        generated.stream().filter(i -> i.type() == ItemType.ARTIST).forEach(i -> artists.add(i.title()));
        assertTrue(generated.stream().filter(i -> i.type() == ItemType.TRACK).allMatch(i -> artists.contains(i.artist())));
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double share(List<Item> items, Predicate<Item> p) {
        return items.stream().filter(p).count() / (double) items.size();
    }

    private static double[] popularities(List<Item> items, ItemType type) {
        return items.stream().filter(i -> i.type() == type).mapToDouble(Item::popularity).sorted().toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }
}
