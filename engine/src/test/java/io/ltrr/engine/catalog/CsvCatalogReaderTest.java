package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCatalogReaderTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("catalog.csv");
        Files.writeString(file, content);
        return file;
    }

    private static LoadResult read(Path file, String mapping) throws IOException {
        return new CsvCatalogReader(ColumnMapping.parse(mapping)).read(file);
    }

    @Test
    void readsMappedColumnsAndDefaultsTheTypeToTrack() throws IOException {
        Path file = csv("""
                track_id,name,performer,genres,year,duration,popularity
                t1,Orange Horizon,(Val)liam,"Electronic, Ambient",2012,245.4,0.5
                """);
        LoadResult r = read(file, "id=track_id,title=name,artist=performer");

        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("t1");
            assertThat(i.type()).isEqualTo(ItemType.TRACK);
            assertThat(i.title()).isEqualTo("Orange Horizon");
            assertThat(i.artist()).isEqualTo("(Val)liam");
            assertThat(i.genres()).containsExactly("Electronic", "Ambient");
            assertThat(i.year()).isEqualTo(2012);
            assertThat(i.durationSeconds()).isEqualTo(245);
            assertThat(i.popularity()).isEqualTo(0.5);
        });
    }

    @Test
    void splitsListFieldsOnTheConfiguredSeparator() throws IOException {
        Path file = csv("id,title,styles\na,A,Trip Hop|IDM| \n");
        LoadResult r = read(file, "separator=|");
        assertThat(r.items().getFirst().styles()).containsExactly("Trip Hop", "IDM");
    }

    @Test
    void reportsBadRowsWithTheLineTheyStartOnAndLoadsTheRest() throws IOException {
        Path file = csv("""
                id,title,type,year
                a,Alpha,track,2001
                b,Beta,track
                c,"Gam"ma,track,2003
                d,Delta,album,2004
                e,"multi
                line title",artist,2005
                f,Foxtrot,podcast,2006
                g,Golf,station,later

                h,Hotel,TRACK,2008
                a,Again,track,2009
                """);
        LoadResult r = read(file, "");

        assertThat(r.items()).extracting(Item::id).containsExactly("a", "d", "e", "h");
        assertThat(r.items().get(2).title()).isEqualTo("multi\nline title");
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 8L, 9L, 12L);
        assertThat(r.problems()).extracting(LoadProblem::reason).satisfiesExactly(
                reason -> assertThat(reason).isEqualTo("expected 4 columns, found 3"),
                reason -> assertThat(reason).startsWith("malformed CSV"),
                reason -> assertThat(reason).contains("unknown item type 'podcast'"),
                reason -> assertThat(reason).contains("year").contains("later"),
                reason -> assertThat(reason).contains("duplicate id 'a' (first used on line 2)"));
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
    }

    @Test
    void reportsAnUnterminatedQuoteAndKeepsTheRowsAfterIt() throws IOException {
        Path file = csv("id,title\na,A\nb,\"never closed\nc,C\nd,D\n");
        LoadResult r = read(file, "");
        // The open quote swallows the rest of the file for commons-csv; re-synchronising on line 4 keeps c and d.
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(3L);
        assertThat(r.items()).extracting(Item::id).containsExactly("a", "c", "d");
    }

    @Test
    void countsLinesCorrectlyWithWindowsLineEnds() throws IOException {
        Path file = csv("id,title\r\na,A\r\nb\r\nc,C\r\n");
        LoadResult r = read(file, "");
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(3L);
        assertThat(r.items()).extracting(Item::id).containsExactly("a", "c");
    }

    @Test
    void failsNamingTheMissingRequiredColumn() throws IOException {
        Path file = csv("id,name\na,A\n");
        assertThatThrownBy(() -> read(file, ""))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining("no column 'title' for field title")
                .hasMessageContaining(file.toString());
    }

    @Test
    void failsWhenAnExplicitlyMappedColumnIsMissingButNotForAbsentDefaults() throws IOException {
        Path file = csv("id,title\na,A\n");
        assertThat(read(file, "").items()).hasSize(1);
        assertThatThrownBy(() -> read(file, "artist=performer"))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining("no column 'performer' for field artist");
    }

    @Test
    void failsWithThePathForAMissingOrEmptyFile() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> read(missing, "")).isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
        Path empty = csv("");
        assertThatThrownBy(() -> read(empty, "")).isInstanceOf(MalformedCatalogException.class).hasMessageContaining("empty file");
    }

    @Test
    void ignoresAByteOrderMarkBeforeTheHeader() throws IOException {
        Path file = csv("\uFEFFid,title\na,A\n");
        assertThat(read(file, "").items()).extracting(Item::id).containsExactly("a");
    }
}
