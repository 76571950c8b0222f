package io.ltrr.engine.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the project's sample catalog format written by {@link SampleCatalogWriter}: JSON Lines (plain or
 * {@code .jsonl.gz}) with the keys id, type, title, artist, album, genres, styles, year, label, duration,
 * popularity, url. Unlike a generic JSONL catalog every row must say its type. A directory means its
 * {@code catalog.jsonl} (or {@code catalog.jsonl.gz}).
 */
public final class SampleCatalogReader implements CatalogReader {

    /** The file name of the catalog inside a sample catalog directory. */
    public static final String FILE_NAME = "catalog.jsonl";

    private final JsonlCatalogReader delegate = new JsonlCatalogReader(ColumnMapping.defaults(), true);

    @Override
    public LoadResult read(Path source) throws IOException {
        return delegate.read(resolve(source));
    }

    /** The catalog file meant by {@code source}: the path itself, or for a directory its catalog.jsonl[.gz]. */
    static Path resolve(Path source) {
        if (!Files.isDirectory(source)) {
            return source;
        }
        Path gz = source.resolve(FILE_NAME + ".gz");
        Path plain = source.resolve(FILE_NAME);
        return !Files.exists(plain) && Files.exists(gz) ? gz : plain;
    }
}
