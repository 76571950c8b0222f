package io.ltrr.engine.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One catalog entry: a track, artist, album, style station, or (for IR test collections) a document.
 *
 * @param id         stable unique id, never blank
 * @param type       the kind of entry
 * @param title      display title (track title, artist name, album name, station name, document title)
 * @param artist     artist name, or "" when not applicable
 * @param album      album (release) name, or "" when not applicable
 * @param genres     coarse genres, may be empty
 * @param styles     fine style tags, may be empty
 * @param year       release year, or 0 when unknown
 * @param label      publishing label, or ""
 * @param durationSeconds length in seconds, or 0 when unknown
 * @param popularity prior popularity in [0, 1]
 * @param url        where the item lives, or ""
 * @param text       free body text (document abstracts), or ""
 */
public record Item(
        String id,
        ItemType type,
        String title,
        String artist,
        String album,
        List<String> genres,
        List<String> styles,
        int year,
        String label,
        int durationSeconds,
        double popularity,
        String url,
        String text) {

    public Item {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        title = nullToEmpty(title);
        artist = nullToEmpty(artist);
        album = nullToEmpty(album);
        label = nullToEmpty(label);
        url = nullToEmpty(url);
        text = nullToEmpty(text);
        genres = genres == null ? List.of() : List.copyOf(genres);
        styles = styles == null ? List.of() : List.copyOf(styles);
        if (year < 0) {
            throw new IllegalArgumentException("year must be >= 0 (0 = unknown), was " + year);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be >= 0, was " + durationSeconds);
        }
        if (!(popularity >= 0.0 && popularity <= 1.0)) {
            throw new IllegalArgumentException("popularity must be in [0, 1], was " + popularity);
        }
    }

    /** A document of an IR test collection (BEIR): id, title and body text only. */
    public static Item document(String id, String title, String text) {
        return new Item(id, ItemType.DOCUMENT, title, "", "", List.of(), List.of(), 0, "", 0, 0.0, "", text);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
