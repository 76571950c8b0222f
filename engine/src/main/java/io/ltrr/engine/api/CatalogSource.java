package io.ltrr.engine.api;

import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.catalog.ColumnMapping;
import io.ltrr.engine.catalog.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a catalog comes from and how to read it.
 *
 * @param path    a file, or a folder (the sample catalog folder, a BEIR collection)
 * @param format  the format, or null to detect it from the path
 * @param mapping column mapping for CSV/JSONL catalogs
 */
public record CatalogSource(Path path, CatalogFormat format, ColumnMapping mapping) {
    /** Folder of the shipped sample catalog, relative to the workbench's home. */
    public static final String SAMPLE_FOLDER = "sample-catalog";

    public CatalogSource {
        Objects.requireNonNull(path, "path");
        mapping = mapping == null ? ColumnMapping.defaults() : mapping;
    }

    public static CatalogSource of(Path path) {
        return new CatalogSource(path, null, null);
    }

    /**
     * The shipped sample catalog: under the workbench home ({@code -Dltrr.home}, set by the launcher), else
     * the nearest {@value #SAMPLE_FOLDER} folder in the working directory or its parents.
     *
     * @throws IllegalStateException when none is found, saying where it looked
     */
    public static CatalogSource sample() {
        String home = System.getProperty("ltrr.home");
        if (home != null && Files.isDirectory(Path.of(home, SAMPLE_FOLDER))) {
            return of(Path.of(home, SAMPLE_FOLDER));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SAMPLE_FOLDER))) {
                return of(dir.resolve(SAMPLE_FOLDER));
            }
        }
        throw new IllegalStateException("the sample catalog folder '" + SAMPLE_FOLDER + "' was not found under "
                + (home == null ? "the working directory or its parents" : home)
                + "; pass a catalog with --catalog FILE");
    }

    /** Reads the catalog; malformed rows are reported in the result, not thrown. */
    public LoadResult load() throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null, "catalog not found");
        }
        return Catalogs.load(path, format == null ? CatalogFormat.detect(path) : format, mapping);
    }
}
