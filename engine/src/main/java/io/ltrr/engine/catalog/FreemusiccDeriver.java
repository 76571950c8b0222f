package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Derives the sample catalog from the freemusi.cc database ({@code tracks.csv} and {@code releases.csv}, joined on
 * the release {@code id}): one TRACK per track row, one ALBUM per release, one ARTIST per distinct artist
 * ({@link FreemusiccArtists}) and one STATION per style tag ({@link FreemusiccStations}); popularity as in
 * {@link FreemusiccPopularity}.
 *
 * <p>Ids: {@code track:<releaseId>:<disc>-<track>}, {@code album:<releaseId>}, {@code artist:<slug>},
 * {@code station:<style-slug>}; a clash (the data repeats some disc/track numbers) gets "~2", "~3", … in file
 * order. Text is trimmed and mojibake repaired ({@link MojibakeRepair}). Items come sorted by type, then id, so
 * the same input always gives the same list and the same bytes on disk.
 *
 * <p>The result's problems are the source rows that could not be used (unparseable, or a track whose release is
 * missing); its items include the aggregated artists and stations, so unlike for a plain loader
 * {@code loaded() + skipped()} is not the number of rows read.
 */
public final class FreemusiccDeriver {

    /** The license file copied next to the derived catalog: the data stays CC BY-SA 4.0. */
    public static final String LICENSE_FILE = "LICENSE";

    private static final Comparator<Item> ORDER =
            Comparator.comparing(Item::type).thenComparing(Item::id);
    private static final Comparator<LoadProblem> PROBLEM_ORDER =
            Comparator.comparing(LoadProblem::file).thenComparingLong(LoadProblem::line);

    private FreemusiccDeriver() {
    }

    /**
     * Reads {@code freemusiccDir}/releases.csv and tracks.csv and derives the catalog items.
     *
     * @throws java.nio.file.NoSuchFileException when either file is missing
     * @throws MalformedCatalogException         when a file lacks a column the derivation needs
     */
    public static LoadResult derive(Path freemusiccDir) throws IOException {
        FreemusiccTables tables = FreemusiccTables.read(freemusiccDir);
        List<LoadProblem> problems = new ArrayList<>(tables.problems());
        Collection<FreemusiccTables.Release> releases = tables.releasesById().values();
        UniqueIds ids = new UniqueIds();
        List<Item> items = new ArrayList<>();
        List<FreemusiccArtists.JoinedTrack> joined = new ArrayList<>();
        Path tracksFile = freemusiccDir.resolve(FreemusiccTables.TRACKS_FILE);
        for (FreemusiccTables.Track t : tables.tracks()) {
            FreemusiccTables.Release r = tables.releasesById().get(t.releaseId());
            if (r == null) {
                problems.add(new LoadProblem(tracksFile.toString(), t.line(),
                        "track of unknown release id '" + t.releaseId() + "' (not in " + FreemusiccTables.RELEASES_FILE + ")"));
                continue;
            }
            Item item = trackItem(t, r, ids);
            items.add(item);
            joined.add(new FreemusiccArtists.JoinedTrack(item, r));
        }
        for (FreemusiccTables.Release r : releases) {
            items.add(albumItem(r, ids));
        }
        items.addAll(FreemusiccArtists.derive(joined, ids));
        items.addAll(FreemusiccStations.derive(releases, ids));
        items.sort(ORDER);
        problems.sort(PROBLEM_ORDER);
        return new LoadResult(items, problems);
    }

    /** Writes {@code items} as {@code outDir}/catalog.jsonl in the sample catalog format. */
    public static void writeSampleCatalog(List<Item> items, Path outDir) throws IOException {
        SampleCatalogWriter.write(items, outDir.resolve(SampleCatalogReader.FILE_NAME));
    }

    /**
     * Derives from {@code freemusiccDir}, writes {@code outDir}/catalog.jsonl and copies the data's LICENSE beside
     * it (the derived data must carry its CC BY-SA 4.0 license). {@code outDir}/README.md is maintained by hand.
     *
     * @return the derivation, for reporting counts and skipped rows
     */
    public static LoadResult deriveSampleCatalog(Path freemusiccDir, Path outDir) throws IOException {
        LoadResult result = derive(freemusiccDir);
        writeSampleCatalog(result.items(), outDir);
        Path license = freemusiccDir.resolve(LICENSE_FILE);
        if (Files.isRegularFile(license)) {
            // Copy the bytes, not the file: the source is read-only and its permissions should not travel along.
            Files.write(outDir.resolve(LICENSE_FILE), Files.readAllBytes(license));
        }
        return result;
    }

    private static Item trackItem(FreemusiccTables.Track t, FreemusiccTables.Release r, UniqueIds ids) {
        String id = ids.allocate("track:" + r.id() + ":" + t.disc() + "-" + t.number());
        // Untitled rows would show as blank lines in a result list; players show "Track N" for them too.
        String title = t.title().isEmpty() ? "Track " + t.number() : t.title();
        String artist = t.artist().isEmpty() && !FreemusiccArtists.isVariousArtists(r.artist()) ? r.artist() : t.artist();
        return new Item(id, ItemType.TRACK, title, artist, albumTitle(r), r.genres(), r.styles(), r.year(),
                r.label(), t.duration(), FreemusiccPopularity.rated(t.rating(), t.activity()), t.url(), "");
    }

    private static Item albumItem(FreemusiccTables.Release r, UniqueIds ids) {
        String title = albumTitle(r);
        return new Item(ids.allocate("album:" + r.id()), ItemType.ALBUM, title, r.artist(), title, r.genres(),
                r.styles(), r.year(), r.label(), r.duration(), FreemusiccPopularity.rated(r.rating(), r.activity()),
                r.url(), "");
    }

    /** A release without a name is shown under its id, which is also its archive.org identifier. */
    private static String albumTitle(FreemusiccTables.Release r) {
        return r.album().isEmpty() ? r.id() : r.album();
    }
}
