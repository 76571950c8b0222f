package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlCatalogReaderTest {

    @TempDir
    Path dir;

    private Path jsonl(String content) throws IOException {
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsMappedPropertiesWithListsAsArraysOrSeparatedText() throws IOException {
        Path file = jsonl("""
                {"track_id":"t1","name":"One","performer":"Band","genres":["Rock"," Pop "],"year":2001,"duration":200}
                {"track_id":7,"name":"Seven","styles":"IDM; Ambient","type":"album","popularity":0.25}
                """);
        LoadResult r = new JsonlCatalogReader(ColumnMapping.parse("id=track_id,title=name,artist=performer,separator=;")).read(file);

        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).satisfiesExactly(
                one -> {
                    assertThat(one.id()).isEqualTo("t1");
                    assertThat(one.type()).isEqualTo(ItemType.TRACK);
                    assertThat(one.artist()).isEqualTo("Band");
                    assertThat(one.genres()).containsExactly("Rock", "Pop");
                    assertThat(one.durationSeconds()).isEqualTo(200);
                },
                seven -> {
                    assertThat(seven.id()).isEqualTo("7");
                    assertThat(seven.type()).isEqualTo(ItemType.ALBUM);
                    assertThat(seven.styles()).containsExactly("IDM", "Ambient");
                    assertThat(seven.popularity()).isEqualTo(0.25);
                });
    }

    @Test
    void reportsInvalidLinesWithTheirLineNumberAndLoadsTheRest() throws IOException {
        Path file = jsonl("""
                {"id":"a","title":"A"}
                {"id":"b","title":"B"
                {"id":"c"}
                {"title":"no id"}
                {"id":"d","title":"D","genres":{"x":1}}
                {"id":"e","title":"E"} trailing
                {"id":"f","title":"F","type":"gadget"}

                {"id":"g","title":"G","artist":null}
                """);
        LoadResult r = new JsonlCatalogReader(ColumnMapping.defaults()).read(file);

        assertThat(r.items()).extracting(Item::id).containsExactly("a", "g");
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(r.problems()).extracting(LoadProblem::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("invalid JSON"),
                reason -> assertThat(reason).isEqualTo("missing title (column 'title')"),
                reason -> assertThat(reason).isEqualTo("missing id (column 'id')"),
                reason -> assertThat(reason).contains("genres").contains("not an object"),
                reason -> assertThat(reason).startsWith("invalid JSON"),
                reason -> assertThat(reason).contains("unknown item type 'gadget'"));
    }
}
