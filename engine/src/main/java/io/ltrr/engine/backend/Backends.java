package io.ltrr.engine.backend;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.backend.opensearch.OpenSearchBackend;
import io.ltrr.engine.backend.opensearch.OpenSearchClient;
import io.ltrr.engine.backend.opensearch.OpenSearchIndexer;
import io.ltrr.engine.backend.opensearch.OpenSearchSettings;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.Embedders;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.EmbeddedBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that knows every retrieval backend: opens a data folder's catalog in the backend its
 * {@link BackendChoice} names, and builds it there. A new backend is a package implementing
 * {@link CatalogBackend} plus a case here.
 */
public final class Backends {
    private Backends() {
    }

    /** The outcome of {@link #ensure}: the built (or kept) catalog's stats, whether it was rebuilt and why. */
    public record Ensured(IndexStats stats, boolean rebuilt, String reason) {
    }

    /**
     * Opens the folder's catalog where the choice says.
     *
     * @param embedder asked for only when a query must be embedded
     * @throws IllegalStateException when there is no catalog index there yet (a
     *                               {@link io.ltrr.engine.retrieval.BackendException} for a remote one)
     */
    public static CatalogBackend open(BackendChoice choice, DataLayout layout, Supplier<TextEmbedder> embedder) {
        return open(choice, layout.catalogIndex(), null, embedder);
    }

    /**
     * Whether the folder's catalog can serve searches now (an embedded index of the current format; a remote
     * index that exists and was written by the workbench). Asks the cluster for a remote one.
     */
    public static boolean isCurrent(BackendChoice choice, DataLayout layout) {
        return choice.isEmbedded() ? CatalogIndex.isCurrent(layout.catalogIndex())
                : OpenSearchBackend.problem(settings(choice, null)).isEmpty();
    }

    /** Why the folder's catalog cannot serve searches, when it cannot (verifies the embedded index's checksums). */
    public static Optional<String> problem(BackendChoice choice, DataLayout layout) {
        if (choice.isEmbedded()) {
            if (!CatalogIndex.isCurrent(layout.catalogIndex())) {
                return Optional.of("no usable index yet (first use or an older index format)");
            }
            return CatalogIndex.damage(layout.catalogIndex()).map(d -> "the index is damaged (" + d + ")");
        }
        return OpenSearchBackend.problem(settings(choice, null));
    }

    /**
     * Builds the folder's catalog in its backend when it does not match the items and settings (always, with
     * {@code force}).
     *
     * @param bm25 the lexical arms' parameters (a remote index fixes k1 and b when it is built)
     */
    public static Ensured ensure(BackendChoice choice, DataLayout layout, List<Item> items, IndexSettings settings,
                                 Bm25Config bm25, Supplier<TextEmbedder> embedder, boolean force,
                                 ProgressListener progress, CancellationToken cancel) {
        return ensure(choice, layout, items, settings, bm25, embedder, force, true, progress, cancel);
    }

    /**
     * As {@link #ensure(BackendChoice, DataLayout, List, IndexSettings, Bm25Config, Supplier, boolean,
     * ProgressListener, CancellationToken)}; with {@code embedNow} false the embedded index is made sure of without
     * its vectors, which {@link io.ltrr.engine.index.VectorIndexer} adds later (ADR 0013). A remote index is always
     * built whole.
     */
    public static Ensured ensure(BackendChoice choice, DataLayout layout, List<Item> items, IndexSettings settings,
                                 Bm25Config bm25, Supplier<TextEmbedder> embedder, boolean force, boolean embedNow,
                                 ProgressListener progress, CancellationToken cancel) {
        return ensure(choice, layout.catalogIndex(), null, items, settings, bm25, embedder, force, embedNow, progress,
                cancel);
    }

    /**
     * A test collection's catalog in the chosen backend, built when missing or out of date, then opened: in the
     * folder's {@code collections/NAME} for the embedded index, as index {@code ltrr-collection-NAME} in a cluster.
     */
    public static CatalogBackend collection(BackendChoice choice, DataLayout layout, String name, List<Item> items,
                                            IndexSettings settings, Bm25Config bm25, Supplier<TextEmbedder> embedder,
                                            ProgressListener progress, CancellationToken cancel) {
        String remote = "ltrr-collection-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-]", "-");
        ensure(choice, layout.collectionIndex(name), remote, items, settings, bm25, embedder, false, true, progress,
                cancel);
        return open(choice, layout.collectionIndex(name), remote,
                settings.embeddings() ? Embedders.forModel(settings.embeddingModel(), embedder) : () -> null);
    }

    private static CatalogBackend open(BackendChoice choice, Path dir, String remoteIndex,
                                       Supplier<TextEmbedder> embedder) {
        if (choice.isEmbedded()) {
            return EmbeddedBackend.owning(CatalogIndex.openLazily(dir, embedder));
        }
        return OpenSearchBackend.open(settings(choice, remoteIndex), embedder);
    }

    private static Ensured ensure(BackendChoice choice, Path dir, String remoteIndex, List<Item> items,
                                  IndexSettings settings, Bm25Config bm25, Supplier<TextEmbedder> embedder,
                                  boolean force, boolean embedNow, ProgressListener progress, CancellationToken cancel) {
        embedder = Embedders.forModel(settings.embeddingModel(), embedder);
        if (choice.isEmbedded()) {
            CatalogIndexer.Ensured e = new CatalogIndexer(embedder).ensure(items, settings, dir, force, embedNow,
                    progress, cancel);
            return new Ensured(e.stats(), e.rebuilt(), e.reason());
        }
        try (OpenSearchClient client = new OpenSearchClient(settings(choice, remoteIndex))) {
            OpenSearchIndexer.Ensured e = new OpenSearchIndexer(client, embedder).ensure(items, settings, bm25, force,
                    progress, cancel);
            return new Ensured(e.stats(), e.rebuilt(), e.reason());
        }
    }

    /** The cluster settings of a choice, the password read from its file or environment variable. */
    public static OpenSearchSettings settings(BackendChoice choice, String indexOverride) {
        return new OpenSearchSettings(choice.url(), indexOverride != null ? indexOverride : choice.index(),
                choice.user(), choice.password()).withShards(choice.shards());
    }
}
