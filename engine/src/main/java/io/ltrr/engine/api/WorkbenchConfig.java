package io.ltrr.engine.api;

import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.retrieval.ArmSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a workbench is opened.
 *
 * @param dataDir       the data folder (index, feedback store)
 * @param catalog       the catalog to index
 * @param indexSettings analysis and embeddings of the catalog index
 * @param armSettings   settings of the retrieval arms
 * @param seed          seed of every random source of the run
 */
public record WorkbenchConfig(Path dataDir, CatalogSource catalog, IndexSettings indexSettings,
                              ArmSettings armSettings, long seed) {
    public WorkbenchConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(indexSettings, "indexSettings");
        Objects.requireNonNull(armSettings, "armSettings");
    }

    /**
     * Default settings on a data folder: the catalog last indexed there, else the shipped sample catalog.
     */
    public static WorkbenchConfig defaults(Path dataDir) {
        CatalogSource catalog;
        try {
            catalog = CatalogSource.remembered(new DataLayout(dataDir).catalogSource()).orElseGet(CatalogSource::sample);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + new DataLayout(dataDir).catalogSource(), e);
        }
        return new WorkbenchConfig(dataDir, catalog, IndexSettings.music(), ArmSettings.music(), 42L);
    }

    /**
     * Defaults for work that needs no catalog (evaluation on a test collection): falls back to an empty
     * placeholder source when no sample catalog can be found.
     */
    public static WorkbenchConfig defaultsWithoutCatalog(Path dataDir) {
        try {
            return defaults(dataDir);
        } catch (IllegalStateException noSampleCatalog) {
            return new WorkbenchConfig(dataDir, CatalogSource.of(dataDir.resolve("no-catalog")), IndexSettings.music(),
                    ArmSettings.music(), 42L);
        }
    }

    public WorkbenchConfig withDataDir(Path dir) {
        return new WorkbenchConfig(dir, catalog, indexSettings, armSettings, seed);
    }

    public WorkbenchConfig withCatalog(CatalogSource source) {
        return new WorkbenchConfig(dataDir, source, indexSettings, armSettings, seed);
    }

    public WorkbenchConfig withIndexSettings(IndexSettings settings) {
        return new WorkbenchConfig(dataDir, catalog, settings, armSettings, seed);
    }

    public WorkbenchConfig withArmSettings(ArmSettings settings) {
        return new WorkbenchConfig(dataDir, catalog, indexSettings, settings, seed);
    }
}
