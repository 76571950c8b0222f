package io.ltrr.engine.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** What every loader checks about a path before reading it, and how it tells a gzip file; decoding is {@link Utf8Lines}. */
final class CatalogFiles {

    private CatalogFiles() {
    }

    /** Fails with the path in the message when the file is missing or is not a regular file. */
    static void requireRegularFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            // No reason text: the exception's type already says "not found", and callers print it with the path.
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new MalformedCatalogException(file + ": expected a file, found a directory or special file");
        }
    }

    static boolean isGzip(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
