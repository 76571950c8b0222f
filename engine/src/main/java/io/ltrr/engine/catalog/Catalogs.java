package io.ltrr.engine.catalog;

import java.io.IOException;
import java.nio.file.Path;

/** The single entry point for loading a catalog of any supported format. */
public final class Catalogs {

    private Catalogs() {
    }

    /**
     * Loads {@code path} as {@code format}. For SAMPLE and BEIR a directory means its catalog.jsonl / corpus.jsonl.
     *
     * @param mapping column mapping for CSV and JSONL; null means {@link ColumnMapping#defaults()}
     * @throws java.nio.file.NoSuchFileException when the file is missing (the message carries the path)
     * @throws MalformedCatalogException         when the file as a whole is unusable, e.g. lacks the id column
     */
    public static LoadResult load(Path path, CatalogFormat format, ColumnMapping mapping) throws IOException {
        return format.reader(mapping == null ? ColumnMapping.defaults() : mapping).read(path);
    }

    /** Loads {@code path} in the {@link CatalogFormat#detect(Path) detected} format with the default mapping. */
    public static LoadResult load(Path path) throws IOException {
        return load(path, CatalogFormat.detect(path), ColumnMapping.defaults());
    }
}
