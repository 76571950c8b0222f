package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one catalog format into items. Bad rows become {@link LoadProblem}s and the rest still loads; only a file
 * that cannot be read at all (missing, no usable header) raises an exception.
 */
public interface CatalogReader {

    /**
     * Reads the catalog at {@code source}.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist (the message carries the path)
     * @throws MalformedCatalogException         when the file as a whole is unusable
     * @throws IOException                       on any other read failure
     */
    LoadResult read(Path source) throws IOException;
}
