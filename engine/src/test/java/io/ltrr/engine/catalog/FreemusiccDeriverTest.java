package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

/** The derivation rules on small hand-made freemusi.cc files. */
class FreemusiccDeriverTest {

    private static final String RELEASES_HEADER =
            "activity,album,artist,catalog,duration,genre,id,label,licenseurl,rating,style,totaldiscs,totaltracks,url,year\n";
    private static final String TRACKS_HEADER = "activity,disc,duration,id,rating,title,track,trackartist,trackurl\n";

    @TempDir
    Path dir;

    private void write(String releases, String tracks) throws IOException {
        Files.writeString(dir.resolve("releases.csv"), RELEASES_HEADER + releases, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("tracks.csv"), TRACKS_HEADER + tracks, StandardCharsets.UTF_8);
    }

    private static Item byId(LoadResult r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    private static List<Item> ofType(LoadResult r, ItemType type) {
        return r.items().stream().filter(i -> i.type() == type).toList();
    }

    @Test
    void reportsUnparseableRowsWithTheirLineAndKeepsTheRest() throws IOException {
        write("""
                3,Good,Band A,c1,600,Electronic,r1,Lab,,5,Trip Hop,1,2,http://a/r1,2010
                3,Bad,Band B,c2,600,Electronic,r2,Lab,,seven,Ambient,1,1,http://a/r2,2011
                """, """
                3,1,300,r1,5,One,1,Band A,http://a/1.mp3
                2,1,abc,r1,4,Two,2,Band A,http://a/2.mp3
                2,1,200,r9,4,Orphan,1,Band C,http://a/o.mp3
                2,1,200,r1,4,Short row
                """);
        LoadResult r = FreemusiccDeriver.derive(dir);

        assertThat(r.problems()).extracting(LoadProblem::line, p -> p.file().endsWith("releases.csv") ? "releases" : "tracks")
                .containsExactly(
                        tuple(3L, "releases"),
                        tuple(3L, "tracks"),
                        tuple(4L, "tracks"),
                        tuple(5L, "tracks"));
        assertThat(r.problems().get(0).reason()).contains("rating").contains("seven");
        assertThat(r.problems().get(2).reason()).contains("unknown release id 'r9'");
        assertThat(r.problems().get(3).reason()).isEqualTo("expected 9 columns, found 6");
        assertThat(ofType(r, ItemType.TRACK)).extracting(Item::id).containsExactly("track:r1:1-1");
        assertThat(ofType(r, ItemType.ALBUM)).extracting(Item::id).containsExactly("album:r1");
    }

    @Test
    void computesTrackAndAlbumPopularityFromRatingAndActivity() throws IOException {
        write("1.5,Album,Band,c,900,Rock,r1,Lab,,2.5,Indie,1,2,http://a/r1,2012\n",
                "3,1,300,r1,5,Top,1,Band,u1\n0,1,300,r1,0,Unrated,2,Band,u2\n");
        LoadResult r = FreemusiccDeriver.derive(dir);

        assertThat(byId(r, "track:r1:1-1").popularity()).isEqualTo(1.0);
        assertThat(byId(r, "track:r1:1-2").popularity()).isEqualTo(0.0);
        // 0.8 * 2.5/5 + 0.2 * 1.5/3 = 0.4 + 0.1
        assertThat(byId(r, "album:r1").popularity()).isCloseTo(0.5, offset(1e-12));
        // artist: (1.0 + 0.0) / (2 + 3); station: 0.5 / (1 + 3), rounded to 4 decimals
        assertThat(byId(r, "artist:band").popularity()).isCloseTo(0.2, offset(1e-12));
        assertThat(byId(r, "station:indie").popularity()).isCloseTo(0.125, offset(1e-12));
    }

    @Test
    void derivesArtistsFromTrackArtistsAndReleaseArtistsButNotVariousArtists() throws IOException {
        write("""
                2,Comp,Various Artists,c,900,Electronic,va1,Lab,,3,Techno,1,2,http://a/va1,2010
                2,Solo,Solo Act,c,900,Pop,s1,Lab,,3,Indie,1,1,http://a/s1,2011
                """, """
                2,1,300,va1,3,A,1,Lost Kluster,u1
                2,1,300,va1,3,B,2,Lost kluster,u2
                2,1,300,va1,3,C,3,Lost Kluster,u3
                2,1,300,s1,3,D,1,Solo Act feat. Guest,u4
                2,1,300,s1,3,E,2,,u5
                """);
        LoadResult r = FreemusiccDeriver.derive(dir);

        assertThat(ofType(r, ItemType.ARTIST)).extracting(Item::title)
                .containsExactlyInAnyOrder("Lost Kluster", "Solo Act", "Solo Act feat. Guest");
        assertThat(byId(r, "track:s1:1-2").artist()).as("empty track artist falls back to the release artist").isEqualTo("Solo Act");
        assertThat(byId(r, "artist:solo-act").genres()).containsExactly("Pop");
        assertThat(byId(r, "artist:lost-kluster").styles()).containsExactly("Techno");
    }

    @Test
    void repairsMojibakeTrimsAndFillsMissingTitles() throws IOException {
        write("2,, Aguas tÃ³nicas ,c,900,World,r1, La BÃ¨l ,,3,Latin,1,1,http://a/r1,2013\n",
                "2,1,300,r1,3,,4, Oâ€™sullivan ,u1\n");
        LoadResult r = FreemusiccDeriver.derive(dir);

        Item track = byId(r, "track:r1:1-4");
        assertThat(track.title()).isEqualTo("Track 4");
        assertThat(track.artist()).isEqualTo("O’sullivan");
        assertThat(track.album()).as("untitled release shows its id").isEqualTo("r1");
        assertThat(track.label()).isEqualTo("La Bèl");
        assertThat(byId(r, "album:r1").artist()).isEqualTo("Aguas tónicas");
    }

    @Test
    void failsWithThePathWhenASourceFileIsMissing() {
        assertThatThrownBy(() -> FreemusiccDeriver.derive(dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.resolve("releases.csv").toString());
    }

    @Test
    void failsNamingTheColumnWhenTheHeaderLacksOne() throws IOException {
        Files.writeString(dir.resolve("releases.csv"), "id,album\nr1,A\n");
        Files.writeString(dir.resolve("tracks.csv"), TRACKS_HEADER);
        assertThatThrownBy(() -> FreemusiccDeriver.derive(dir))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining("no column 'activity'");
    }
}
