package io.ltrr.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A log imported into the store, as listed.
 *
 * @param source     its name
 * @param format     what it is ({@value ImportedLogs#UBI})
 * @param queries    how many queries it holds
 * @param events     how many events it holds
 * @param importedAt when it was imported
 */
public record ImportedLog(String source, String format, int queries, int events, Instant importedAt) {
    public ImportedLog {
        Values.requireText(source, "source");
        Values.requireText(format, "format");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
