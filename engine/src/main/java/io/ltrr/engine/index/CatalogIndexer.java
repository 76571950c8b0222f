package io.ltrr.engine.index;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a catalog index on disk. The build writes into a sibling folder and swaps it in only when complete,
 * so a cancelled or crashed build never leaves a half-built index where a good one was.
 */
public final class CatalogIndexer {
    /** Items added between cancellation checks and progress reports. */
    private static final int BATCH = 256;

    private final Supplier<TextEmbedder> embedder;

    /** @param embedder supplies the embedder, asked only when the settings want embeddings */
    public CatalogIndexer(Supplier<TextEmbedder> embedder) {
        this.embedder = embedder;
    }

    /**
     * Builds the index unless the one in {@code dir} was built from the same items with the same settings, then
     * embeds what is missing of its vectors (when the settings want them): the whole index, one phase after the
     * other.
     *
     * @return the index's stats and whether it was (re)built
     */
    public Ensured ensure(List<Item> items, IndexSettings settings, Path dir, boolean force,
                          ProgressListener progress, CancellationToken cancel) {
        return ensure(items, settings, dir, force, true, progress, cancel);
    }

    /**
     * As {@link #ensure(List, IndexSettings, Path, boolean, ProgressListener, CancellationToken)}; with
     * {@code embedNow} false only the lexical index is made sure of, and the vectors are left to
     * {@link VectorIndexer} (ADR 0013: searches start before the vectors are there).
     */
    public Ensured ensure(List<Item> items, IndexSettings settings, Path dir, boolean force, boolean embedNow,
                          ProgressListener progress, CancellationToken cancel) {
        Ensured lexical = ensureLexical(items, settings, dir, force, progress, cancel);
        if (!embedNow || !settings.embeddings()) {
            return lexical;
        }
        VectorStatus before = VectorIndexer.status(dir);
        if (!before.pending()) {
            return lexical;
        }
        new VectorIndexer(embedder).complete(dir, progress, cancel);
        String why = lexical.rebuilt() ? lexical.reason()
                : String.format(java.util.Locale.ROOT, "embeddings resumed: %,d of %,d were done", before.embedded(),
                before.total());
        try (CatalogIndex index = CatalogIndex.open(dir, null)) {
            return new Ensured(index.stats(), true, why);
        }
    }

    private Ensured ensureLexical(List<Item> items, IndexSettings settings, Path dir, boolean force,
                                  ProgressListener progress, CancellationToken cancel) {
        String why;
        if (force) {
            why = "rebuild asked for";
        } else if (CatalogIndex.storedFingerprint(dir).isEmpty()) {
            why = Files.exists(dir) ? "no readable index" : "no index yet";
        } else if (CatalogIndex.storedFingerprint(dir)
                .filter(IndexFingerprint.of(items, settings, settings.embeddings() ? embedder.get().modelId() : "")::equals)
                .isEmpty()) {
            why = "the catalog or the index settings changed";
        } else {
            Optional<String> damage = CatalogIndex.damage(dir);
            if (damage.isEmpty()) {
                try (CatalogIndex index = CatalogIndex.open(dir, null)) {
                    return new Ensured(index.stats(), false, "up to date");
                }
            }
            why = "the index was damaged (" + damage.get() + ")";
        }
        return new Ensured(buildLexical(items, settings, dir, progress, cancel), true, why);
    }

    /**
     * The outcome of {@link #ensure}.
     *
     * @param reason why it was rebuilt ("up to date" when it was not)
     */
    public record Ensured(IndexStats stats, boolean rebuilt, String reason) {
    }

    /**
     * Builds the index for {@code items} in {@code dir} (replacing what is there), with its vectors when the
     * settings want them, and returns its stats.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is cancelled; the old index stays
     *                                                    when the lexical build is cancelled
     */
    public IndexStats build(List<Item> items, IndexSettings settings, Path dir,
                            ProgressListener progress, CancellationToken cancel) {
        IndexStats lexical = buildLexical(items, settings, dir, progress, cancel);
        if (!settings.embeddings()) {
            return lexical;
        }
        new VectorIndexer(embedder).complete(dir, progress, cancel);
        try (CatalogIndex index = CatalogIndex.open(dir, null)) {
            return index.stats();
        }
    }

    /**
     * The lexical index alone (replacing what is there): every field but the vectors, which it says it wants (the
     * embedding model is part of its fingerprint) and {@link VectorIndexer} adds.
     */
    public IndexStats buildLexical(List<Item> items, IndexSettings settings, Path dir,
                                   ProgressListener progress, CancellationToken cancel) {
        TextEmbedder model = settings.embeddings() ? embedder.get() : null;
        Path building = dir.resolveSibling(dir.getFileName() + ".building");
        try {
            deleteRecursively(building);
            Files.createDirectories(building);
            writeIndex(items, settings, model, building, progress, cancel);
            swapIn(building, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the index in " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(building);
        }
        try (CatalogIndex index = CatalogIndex.open(dir, null)) {
            return index.stats();
        }
    }

    /** Writes the index; the fingerprint is made in the same pass, from the JSON each document stores. */
    private void writeIndex(List<Item> items, IndexSettings settings, TextEmbedder model,
                            Path target, ProgressListener progress, CancellationToken cancel) throws IOException {
        IndexFingerprint.Digest fingerprint = IndexFingerprint.start(settings, model == null ? "" : model.modelId());
        IndexWriterConfig config = new IndexWriterConfig(settings.analyzer().newAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256);
        try (FSDirectory directory = FSDirectory.open(target);
             IndexWriter writer = new IndexWriter(directory, config)) {
            String phase = "lexical index";
            progress.progress(phase, 0, items.size());
            for (int from = 0; from < items.size(); from += BATCH) {
                cancel.throwIfCancelled();
                List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                for (Item item : batch) {
                    String json = ItemJson.write(item);
                    fingerprint.add(json);
                    writer.addDocument(ItemDocuments.toDocument(item, null, json));
                }
                progress.progress(phase, from + batch.size(), items.size());
            }
            cancel.throwIfCancelled();
            progress.progress("merging", items.size(), items.size());
            writer.forceMerge(1);
            writer.setLiveCommitData(commitData(settings, model, fingerprint.finish(), items.size()).entrySet());
            writer.commit();
        }
    }

    private static Map<String, String> commitData(IndexSettings settings, TextEmbedder model, String fingerprint,
                                                  int count) {
        Map<String, String> data = new HashMap<>();
        data.put(CatalogIndex.KEY_FINGERPRINT, fingerprint);
        data.put(CatalogIndex.KEY_FORMAT, Integer.toString(IndexFingerprint.FORMAT_VERSION));
        data.put(CatalogIndex.KEY_ANALYZER, settings.analyzer().key());
        data.put(CatalogIndex.KEY_EMBEDDING_MODEL, model == null ? "" : model.modelId());
        data.put(CatalogIndex.KEY_ITEMS, Integer.toString(count));
        data.put(CatalogIndex.KEY_BUILT_AT, Instant.now().toString());
        return data;
    }

    private static void swapIn(Path building, Path dir) throws IOException {
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteRecursively(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException ignored) {
            // a leftover ".building" folder is removed by the next build
        }
    }
}
