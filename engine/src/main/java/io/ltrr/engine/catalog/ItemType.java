package io.ltrr.engine.catalog;

import java.util.Locale;

/** What kind of thing a catalog item is. The lower-case name is stored in the index and in logs. */
public enum ItemType {
    TRACK, ARTIST, ALBUM, STATION, DOCUMENT;

    /** The stable lower-case name ("track", "station", …). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stable name, case-insensitively; rejects unknown names with a message listing the valid ones. */
    public static ItemType fromKey(String key) {
        if (key != null) {
            for (ItemType t : values()) {
                if (t.key().equalsIgnoreCase(key.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown item type '" + key + "' (expected one of track, artist, album, station, document)");
    }
}
