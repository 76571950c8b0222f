package io.ltrr.engine.api;

import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.retrieval.ArmSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a workbench is opened.
 *
 * @param dataDir       the data folder (index, feedback store)
 * @param catalog       the catalog to index
 * @param indexSettings analysis and embeddings of the catalog index
 * @param armSettings   settings of the retrieval arms
 * @param seed          seed of every random source of the run
 * @param backend       where the catalog is searched (the folder's embedded index, or an OpenSearch cluster)
 * @param store         where the feedback store lives (the folder's H2 database, or a shared PostgreSQL one)
 */
public record WorkbenchConfig(Path dataDir, CatalogSource catalog, IndexSettings indexSettings,
                              ArmSettings armSettings, long seed, BackendChoice backend, StoreChoice store) {
    public WorkbenchConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(indexSettings, "indexSettings");
        Objects.requireNonNull(armSettings, "armSettings");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(store, "store");
    }

    /** With the feedback store in the folder's H2 database. */
    public WorkbenchConfig(Path dataDir, CatalogSource catalog, IndexSettings indexSettings, ArmSettings armSettings,
                           long seed, BackendChoice backend) {
        this(dataDir, catalog, indexSettings, armSettings, seed, backend, StoreChoice.h2());
    }

    /** On the embedded index. */
    public WorkbenchConfig(Path dataDir, CatalogSource catalog, IndexSettings indexSettings, ArmSettings armSettings,
                           long seed) {
        this(dataDir, catalog, indexSettings, armSettings, seed, BackendChoice.embedded());
    }

    /**
     * Default settings on a data folder: the catalog last indexed there with the settings it was indexed with,
     * else the shipped sample catalog with the music settings.
     *
     * @throws IllegalStateException when the folder's remembered catalog file is damaged (naming the fix)
     */
    public static WorkbenchConfig defaults(Path dataDir) {
        Optional<FolderCatalog> remembered = FolderCatalog.read(new DataLayout(dataDir).catalogSource());
        CatalogSource catalog = remembered.map(FolderCatalog::source).orElseGet(CatalogSource::sample);
        IndexSettings settings = remembered.flatMap(FolderCatalog::settings).orElseGet(IndexSettings::music);
        BackendChoice backend = BackendChoice.read(new DataLayout(dataDir).backend()).orElseGet(BackendChoice::embedded);
        StoreChoice store = StoreChoice.read(new DataLayout(dataDir).store()).orElseGet(StoreChoice::h2);
        return new WorkbenchConfig(dataDir, catalog, settings, ArmSettings.music(), 42L, backend, store);
    }

    /**
     * Settings for indexing a given catalog into a data folder: as {@link #defaults}, but a damaged remembered
     * catalog file does not stand in the way (the index it describes is about to be replaced).
     */
    public static WorkbenchConfig forCatalog(Path dataDir, CatalogSource catalog) {
        WorkbenchConfig base;
        try {
            base = defaults(dataDir);
        } catch (IllegalStateException damaged) {
            base = new WorkbenchConfig(dataDir, catalog, IndexSettings.music(), ArmSettings.music(), 42L);
        }
        return base.withCatalog(catalog);
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
                    ArmSettings.music(), 42L)
                    .withStore(StoreChoice.read(new DataLayout(dataDir).store()).orElseGet(StoreChoice::h2));
        }
    }

    public WorkbenchConfig withDataDir(Path dir) {
        return new WorkbenchConfig(dir, catalog, indexSettings, armSettings, seed, backend, store);
    }

    public WorkbenchConfig withCatalog(CatalogSource source) {
        return new WorkbenchConfig(dataDir, source, indexSettings, armSettings, seed, backend, store);
    }

    public WorkbenchConfig withIndexSettings(IndexSettings settings) {
        return new WorkbenchConfig(dataDir, catalog, settings, armSettings, seed, backend, store);
    }

    public WorkbenchConfig withArmSettings(ArmSettings settings) {
        return new WorkbenchConfig(dataDir, catalog, indexSettings, settings, seed, backend, store);
    }

    /** The same, with the catalog searched in another backend. */
    public WorkbenchConfig withBackend(BackendChoice choice) {
        return new WorkbenchConfig(dataDir, catalog, indexSettings, armSettings, seed, choice, store);
    }

    /** The same, with the feedback store in another database. */
    public WorkbenchConfig withStore(StoreChoice choice) {
        return new WorkbenchConfig(dataDir, catalog, indexSettings, armSettings, seed, backend, choice);
    }
}
