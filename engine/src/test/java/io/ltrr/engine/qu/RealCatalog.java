package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test fixture: the freemusi.cc catalog (tracks, albums, artists, one station per style) read straight
 * from the shared CSV files, so QU tests do not depend on the catalog loader being built elsewhere.
 */
final class RealCatalog {

    static final Path DIR = Path.of("/work/shared/data/freemusicc");

    private static List<Item> cached;

    private RealCatalog() {
    }

    static boolean available() {
        return Files.isReadable(DIR.resolve("releases.csv")) && Files.isReadable(DIR.resolve("tracks.csv"));
    }

    static synchronized List<Item> items() {
        if (cached == null) {
            cached = load();
        }
        return cached;
    }

    private static List<Item> load() {
        List<Item> items = new ArrayList<>();
        Map<String, CSVRecord> releases = new HashMap<>();
        Map<String, Double> artistPopularity = new LinkedHashMap<>();
        Map<String, Integer> styleCount = new LinkedHashMap<>();
        for (CSVRecord r : read("releases.csv")) {
            releases.put(r.get("id"), r);
            double pop = clamp(parse(r.get("rating")) / 5.0);
            items.add(new Item("album:" + r.get("id"), ItemType.ALBUM, r.get("album"), r.get("artist"), r.get("album"),
                    split(r.get("genre")), split(r.get("style")), year(r.get("year")), r.get("label"), 0, pop,
                    r.get("url"), ""));
            split(r.get("style")).forEach(s -> styleCount.merge(s, 1, Integer::sum));
        }
        int n = 0;
        for (CSVRecord t : read("tracks.csv")) {
            CSVRecord r = releases.get(t.get("id"));
            double pop = clamp((parse(t.get("rating")) - 1) / 4.0);
            String artist = t.get("trackartist");
            items.add(new Item("track:" + (n++), ItemType.TRACK, t.get("title"), artist, r == null ? "" : r.get("album"),
                    r == null ? List.of() : split(r.get("genre")), r == null ? List.of() : split(r.get("style")),
                    r == null ? 0 : year(r.get("year")), "", 0, pop, t.get("trackurl"), ""));
            artistPopularity.merge(artist, pop, Math::max);
        }
        artistPopularity.forEach((a, pop) -> {
            if (!a.isBlank()) {
                items.add(new Item("artist:" + a, ItemType.ARTIST, a, a, "", List.of(), List.of(), 0, "", 0, pop, "", ""));
            }
        });
        styleCount.keySet().forEach(s -> items.add(new Item("station:" + s, ItemType.STATION, s + " Radio", "", "",
                List.of(), List.of(s), 0, "", 0, 0.5, "", "")));
        return List.copyOf(items);
    }

    private static Iterable<CSVRecord> read(String file) {
        try {
            Reader reader = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    private static int year(String s) {
        int y = (int) parse(s);
        return Math.max(0, y);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
