package io.ltrr.engine.export;

import java.util.Locale;

/** How tabular exports are written. */
public enum ExportFormat {
    /** One header line, then one RFC 4180 line per row; nested values as JSON text. */
    CSV,
    /** One JSON object per line. */
    JSONL;

    /** "csv" or "jsonl", case-insensitive. */
    public static ExportFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl" -> JSONL;
            default -> throw new IllegalArgumentException("format must be csv or jsonl, was '" + text + "'");
        };
    }
}
