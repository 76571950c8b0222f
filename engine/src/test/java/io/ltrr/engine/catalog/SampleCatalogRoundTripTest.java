package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SampleCatalogRoundTripTest {

    private static final List<Item> ITEMS = List.of(
            new Item("track:r1:1-1", ItemType.TRACK, "Señor \"Acero\"", "O’sullivan", "Alb", List.of("Electronic"),
                    List.of("Trip Hop", "IDM"), 2010, "Lab", 245, 0.6133, "http://a/1.mp3", ""),
            new Item("artist:x", ItemType.ARTIST, "X", "X", "", List.of(), List.of(), 0, "", 0, 0.0001, "", ""),
            new Item("station:idm", ItemType.STATION, "IDM Radio", "", "", List.of("Electronic"), List.of("IDM"),
                    0, "", 0, 1.0, "", ""));

    @Test
    void readsBackExactlyWhatWasWritten(@TempDir Path dir) throws IOException {
        FreemusiccDeriver.writeSampleCatalog(ITEMS, dir);
        LoadResult r = new SampleCatalogReader().read(dir);
        assertThat(r.items()).containsExactlyElementsOf(ITEMS);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void readsBackTheGzippedFormToo(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("catalog.jsonl.gz");
        SampleCatalogWriter.write(ITEMS, gz);
        assertThat(new SampleCatalogReader().read(gz).items()).containsExactlyElementsOf(ITEMS);
        assertThat(Catalogs.load(dir).items()).as("a directory with only catalog.jsonl.gz").containsExactlyElementsOf(ITEMS);
    }

    @Test
    void writesKeysInSchemaOrderWithFourDecimalPopularity() {
        assertThat(SampleCatalogWriter.line(ITEMS.get(1))).isEqualTo(
                "{\"id\":\"artist:x\",\"type\":\"artist\",\"title\":\"X\",\"artist\":\"X\",\"album\":\"\",\"genres\":[],"
                        + "\"styles\":[],\"year\":0,\"label\":\"\",\"duration\":0,\"popularity\":0.0001,\"url\":\"\"}");
    }

    @Test
    void reportsMalformedLinesWithTheirLineNumberAndLoadsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.jsonl");
        Files.writeString(file, String.join("\n",
                SampleCatalogWriter.line(ITEMS.get(0)),
                "{\"id\":\"a\",\"type\":\"track\",\"title\":",                       // 2: truncated JSON
                "",                                                                  // 3: blank, not a row
                "{\"id\":\"b\",\"title\":\"no type\"}",                              // 4: sample rows need a type
                "{\"id\":\"c\",\"type\":\"podcast\",\"title\":\"C\"}",               // 5: unknown type
                "{\"id\":\"d\",\"type\":\"track\",\"title\":\"D\",\"year\":\"soon\"}", // 6: bad number
                "{\"id\":\"e\",\"type\":\"track\",\"title\":\"E\",\"popularity\":1.5}", // 7: out of range
                "[1,2]",                                                             // 8: not an object
                SampleCatalogWriter.line(ITEMS.get(0)),                              // 9: duplicate id
                SampleCatalogWriter.line(ITEMS.get(2))) + "\n");
        LoadResult r = new SampleCatalogReader().read(file);

        assertThat(r.items()).extracting(Item::id).containsExactly("track:r1:1-1", "station:idm");
        assertThat(r.problems()).extracting(LoadProblem::line, LoadProblem::file).containsExactly(
                tuple(2L, file.toString()), tuple(4L, file.toString()), tuple(5L, file.toString()),
                tuple(6L, file.toString()), tuple(7L, file.toString()), tuple(8L, file.toString()),
                tuple(9L, file.toString()));
        assertThat(r.problems()).extracting(LoadProblem::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("invalid JSON"),
                reason -> assertThat(reason).isEqualTo("missing type (column 'type')"),
                reason -> assertThat(reason).contains("unknown item type 'podcast'"),
                reason -> assertThat(reason).contains("year").contains("soon"),
                reason -> assertThat(reason).contains("popularity must be in [0, 1]"),
                reason -> assertThat(reason).contains("expected a JSON object"),
                reason -> assertThat(reason).contains("duplicate id 'track:r1:1-1' (first used on line 1)"));
        assertThat(r.loaded() + r.skipped()).isEqualTo(9);
    }

    @Test
    void failsWithThePathWhenTheCatalogIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("nope").resolve("catalog.jsonl");
        assertThatThrownBy(() -> new SampleCatalogReader().read(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void refusesItemsWithBodyTextTheSchemaCannotHold() {
        Item doc = Item.document("d1", "T", "body");
        assertThatThrownBy(() -> SampleCatalogWriter.line(doc)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d1");
    }
}
