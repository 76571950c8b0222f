package io.ltrr.engine.live;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.FolderCatalog;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.VectorIndexer;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a data folder's catalog index, in the folder's backend, from the configured catalog when it is missing or
 * out of date; then remembers the catalog and the backend in the folder.
 */
public final class CatalogIndexing {
    private CatalogIndexing() {
    }

    /**
     * Makes sure the catalog index matches the configured catalog and settings, building it when it does not
     * (or always, with {@code force}); the index must not be open.
     *
     * @throws IllegalArgumentException when the catalog has no loadable item
     */
    public static IndexReport ensure(WorkbenchConfig config, DataLayout layout, Supplier<TextEmbedder> embedder,
                                     boolean force, ProgressListener progress, CancellationToken cancel) {
        return ensure(config, layout, embedder, force, true, progress, cancel);
    }

    /**
     * As {@link #ensure(WorkbenchConfig, DataLayout, Supplier, boolean, ProgressListener, CancellationToken)}; with
     * {@code embedNow} false an embedded index is made sure of without its vectors (searches can start; the
     * vectors follow from {@link #embed}, ADR 0013).
     */
    public static IndexReport ensure(WorkbenchConfig config, DataLayout layout, Supplier<TextEmbedder> embedder,
                                     boolean force, boolean embedNow, ProgressListener progress,
                                     CancellationToken cancel) {
        LoadResult catalog = load(config);
        if (catalog.loaded() == 0) {
            throw new IllegalArgumentException("the catalog " + config.catalog().path() + " has no loadable item ("
                    + catalog.summary() + (catalog.problems().isEmpty() ? "" : "; first: " + catalog.problems().getFirst()
                    + (catalog.problems().size() > 1 ? "; " + (catalog.problems().size() - 1) + " more like it" : ""))
                    + ")");
        }
        long start = System.nanoTime();
        Backends.Ensured ensured = Backends.ensure(config.backend(), layout, catalog.items(), config.indexSettings(),
                config.armSettings().bm25(), embedder, force, embedNow, progress, cancel);
        long millis = ensured.rebuilt() ? (System.nanoTime() - start) / 1_000_000 : 0;
        try {
            new FolderCatalog(config.catalog(), Optional.of(config.indexSettings())).write(layout.catalogSource());
            config.backend().write(layout.backend());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + layout.catalogSource() + " or " + layout.backend(), e);
        }
        return new IndexReport(ensured.stats(), ensured.rebuilt(), catalog.loaded(), catalog.problems(),
                config.catalog().path().toString(), millis, ensured.reason());
    }

    /**
     * How far the folder's vectors are: an embedded index's progress, a remote index's all-or-nothing.
     *
     * @throws IllegalStateException when there is no embedded index yet
     */
    public static VectorStatus vectorStatus(WorkbenchConfig config, DataLayout layout) {
        if (config.backend().isEmbedded()) {
            return VectorIndexer.status(layout.catalogIndex());
        }
        return VectorStatus.none(0);
    }

    /**
     * Embeds what is missing of the folder's embedded index's vectors and builds their graph (nothing for a remote
     * index, built whole). Resumes where an earlier run stopped.
     *
     * @throws java.util.concurrent.CancellationException when cancelled; what was embedded is kept
     */
    public static VectorStatus embed(WorkbenchConfig config, DataLayout layout, Supplier<TextEmbedder> embedder,
                                     ProgressListener progress, CancellationToken cancel) {
        if (!config.backend().isEmbedded()) {
            return VectorStatus.none(0);
        }
        return new VectorIndexer(embedder).complete(layout.catalogIndex(), progress, cancel);
    }

    private static LoadResult load(WorkbenchConfig config) {
        try {
            return config.catalog().load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + config.catalog().path() + ": "
                    + e.getMessage(), e);
        }
    }
}
