package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The two freemusi.cc CSV files parsed into typed rows, text cleaned by {@link MojibakeRepair}. Rows that do not
 * parse (wrong column count, bad number, rating out of range, duplicate release id) are kept as problems.
 */
final class FreemusiccTables {

    static final String TRACKS_FILE = "tracks.csv";
    static final String RELEASES_FILE = "releases.csv";

    private static final List<String> RELEASE_COLUMNS = List.of(
            "activity", "album", "artist", "duration", "genre", "id", "label", "rating", "style", "url", "year");
    private static final List<String> TRACK_COLUMNS = List.of(
            "activity", "disc", "duration", "id", "rating", "title", "track", "trackartist", "trackurl");

    /** One release (album) row. Ratings are curator averages (0-5), activity averages (0-3); 0 means not rated. */
    record Release(long line, String id, String album, String artist, List<String> genres, List<String> styles,
                   int year, String label, int duration, double rating, double activity, String url) {
    }

    /** One track row, joined to its release by {@code releaseId}. */
    record Track(long line, String releaseId, int disc, int number, String title, String artist, int duration,
                 double rating, double activity, String url) {
    }

    private final Map<String, Release> releasesById = new LinkedHashMap<>();
    private final List<Track> tracks = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();

    private FreemusiccTables() {
    }

    static FreemusiccTables read(Path dir) throws IOException {
        FreemusiccTables t = new FreemusiccTables();
        t.readFile(dir.resolve(RELEASES_FILE), RELEASE_COLUMNS, t::addRelease);
        t.readFile(dir.resolve(TRACKS_FILE), TRACK_COLUMNS, t::addTrack);
        return t;
    }

    Map<String, Release> releasesById() {
        return releasesById;
    }

    List<Track> tracks() {
        return tracks;
    }

    List<LoadProblem> problems() {
        return problems;
    }

    /** Parses one named-column row; throws {@link IllegalArgumentException} with the reason for a bad row. */
    @FunctionalInterface
    private interface RowParser {
        void parse(long line, Row row);
    }

    private void readFile(Path file, List<String> required, RowParser parser) throws IOException {
        CsvRecordScanner.scan(file, new CsvRecordScanner.Sink() {
            private Map<String, Integer> header;

            @Override
            public void record(long line, List<String> values) throws IOException {
                if (header == null) {
                    header = header(file, values, required);
                } else if (values.size() != header.size()) {
                    problem(line, "expected " + header.size() + " columns, found " + values.size());
                } else {
                    try {
                        parser.parse(line, new Row(header, values));
                    } catch (IllegalArgumentException e) {
                        problem(line, e.getMessage());
                    }
                }
            }

            @Override
            public void problem(long line, String reason) {
                problems.add(new LoadProblem(file.toString(), line, reason));
            }
        });
    }

    private static Map<String, Integer> header(Path file, List<String> names, List<String> required) throws IOException {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).trim(), i);
        }
        for (String column : required) {
            if (!header.containsKey(column)) {
                throw new MalformedCatalogException(file + ": no column '" + column + "'; the header has: " + String.join(", ", names));
            }
        }
        return header;
    }

    private void addRelease(long line, Row row) {
        String id = row.text("id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("missing release id");
        }
        Release previous = releasesById.get(id);
        if (previous != null) {
            throw new IllegalArgumentException("duplicate release id '" + id + "' (first on line " + previous.line() + ")");
        }
        releasesById.put(id, new Release(line, id, row.text("album"), row.text("artist"),
                row.list("genre"), row.list("style"), row.integer("year"), row.text("label"),
                row.integer("duration"), row.score("rating", 5), row.score("activity", 3), row.text("url")));
    }

    private void addTrack(long line, Row row) {
        String releaseId = row.text("id");
        if (releaseId.isEmpty()) {
            throw new IllegalArgumentException("missing release id");
        }
        tracks.add(new Track(line, releaseId, row.integer("disc"), row.integer("track"), row.text("title"),
                row.text("trackartist"), row.integer("duration"), row.score("rating", 5), row.score("activity", 3),
                row.text("trackurl")));
    }

    /** Named access to one record's values, with the parsing rules of this data set. */
    private record Row(Map<String, Integer> header, List<String> values) {

        String text(String column) {
            return MojibakeRepair.clean(values.get(header.get(column)));
        }

        /** Comma-separated tags, cleaned, empty ones and repeats dropped, first-seen order kept. */
        List<String> list(String column) {
            LinkedHashSet<String> tags = new LinkedHashSet<>();
            for (String part : values.get(header.get(column)).split(",")) {
                String tag = MojibakeRepair.clean(part);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
            return List.copyOf(tags);
        }

        int integer(String column) {
            String s = text(column);
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    throw new IllegalArgumentException(column + " must not be negative, was " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " is not a whole number: '" + s + "'");
            }
        }

        /** A rating-like number in [0, max]. */
        double score(String column, double max) {
            String s = text(column);
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " is not a number: '" + s + "'");
            }
            if (!(v >= 0 && v <= max)) {
                throw new IllegalArgumentException(column + " must be in [0, " + (int) max + "], was " + s);
            }
            return v;
        }
    }
}
