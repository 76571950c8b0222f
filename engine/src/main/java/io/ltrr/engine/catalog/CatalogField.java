package io.ltrr.engine.catalog;

import java.util.Locale;

/**
 * The {@link Item} fields a catalog file can supply. Each has a stable key, which is also the column (CSV) or
 * property (JSONL) name the {@link ColumnMapping#defaults() default mapping} expects.
 */
public enum CatalogField {
    ID("id"),
    TYPE("type"),
    TITLE("title"),
    ARTIST("artist"),
    ALBUM("album"),
    GENRES("genres"),
    STYLES("styles"),
    YEAR("year"),
    LABEL("label"),
    DURATION("duration"),
    POPULARITY("popularity"),
    URL("url"),
    TEXT("text");

    private final String key;

    CatalogField(String key) {
        this.key = key;
    }

    /** The stable lower-case key ("id", "duration", …). */
    public String key() {
        return key;
    }

    /** True for the fields every catalog must supply a column for. */
    public boolean required() {
        return this == ID || this == TITLE;
    }

    /** True for the fields holding a list of strings (split on the mapping's separator when given as text). */
    public boolean isList() {
        return this == GENRES || this == STYLES;
    }

    /** Parses a key case-insensitively; rejects unknown keys with a message listing the valid ones. */
    public static CatalogField fromKey(String key) {
        String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (CatalogField f : values()) {
            if (f.key.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown catalog field '" + key + "' (expected one of " + validKeys() + ")");
    }

    private static String validKeys() {
        StringBuilder sb = new StringBuilder();
        for (CatalogField f : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(f.key);
        }
        return sb.toString();
    }
}
