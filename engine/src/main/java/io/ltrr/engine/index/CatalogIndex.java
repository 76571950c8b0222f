package io.ltrr.engine.index;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.catalog.ItemType;
import io.ltrr.engine.embed.Embedders;
import io.ltrr.engine.embed.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * An open, read-only catalog index: a thread-safe searcher, the analyzer it was built with, and (when the
 * index has vectors) the embedder for queries. Close it when done.
 */
public final class CatalogIndex implements AutoCloseable {
    static final String KEY_FINGERPRINT = "ltrr.fingerprint";
    static final String KEY_FORMAT = "ltrr.format";
    static final String KEY_ANALYZER = "ltrr.analyzer";
    static final String KEY_EMBEDDING_MODEL = "ltrr.embedding_model";
    static final String KEY_ITEMS = "ltrr.items";
    static final String KEY_BUILT_AT = "ltrr.built_at";

    private final Path dir;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, String> commitData;
    private final Analyzer analyzer;
    private final java.util.function.Supplier<TextEmbedder> embedder;
    /** The complete vectors (ADR 0013), or null while the index has none (none wanted, or not embedded yet). */
    private final VectorIndex vectors;
    /**
     * Item id by document id, filled as documents are first looked up (the reader never changes, so an id once
     * read stays right). Racing readers may both read the same id; the String they store is the same value.
     */
    private final String[] idByDoc;

    private CatalogIndex(Path dir, FSDirectory directory, DirectoryReader reader,
                         java.util.function.Supplier<TextEmbedder> embedder)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.commitData = Map.copyOf(reader.getIndexCommit().getUserData());
        this.analyzer = AnalyzerKind.fromKey(commitData.getOrDefault(KEY_ANALYZER, "folding")).newAnalyzer();
        this.embedder = embedder;
        this.idByDoc = new String[reader.maxDoc()];
        this.vectors = VectorIndex.openIfComplete(dir, fingerprint(), embeddingModel()).orElse(null);
    }

    /**
     * Opens the index in {@code dir}.
     *
     * @param embedder embeds queries for the dense arm; may be null when no dense search is wanted
     * @throws IllegalStateException when there is no index there (with the path and how to build one)
     */
    public static CatalogIndex open(Path dir, TextEmbedder embedder) {
        return openLazily(dir, () -> embedder);
    }

    /**
     * Opens the index in {@code dir}; the embedder is asked for only when a query needs embedding (loading
     * the model costs about half a second, wasted on an index without vectors).
     */
    public static CatalogIndex openLazily(Path dir, java.util.function.Supplier<TextEmbedder> embedder) {
        FSDirectory directory = null;
        try {
            directory = FSDirectory.open(dir);
            return new CatalogIndex(dir, directory, DirectoryReader.open(directory), embedder);
        } catch (IndexNotFoundException e) {
            closeQuietly(directory);
            throw new IllegalStateException("no index in " + dir + " (build one with: ltrr index)", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("could not open the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code dir} holds an index this version of the engine can serve: one exists and was written
     * with the current {@link IndexFingerprint#FORMAT_VERSION} (an older format lacks fields the arms need).
     */
    public static boolean isCurrent(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return Integer.toString(IndexFingerprint.FORMAT_VERSION)
                    .equals(r.getIndexCommit().getUserData().get(KEY_FORMAT));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Verifies the checksums of every file of the index in {@code dir} (Lucene's {@code checkIntegrity}: reads
     * each file once; a catalog index is small enough for this to be cheap when indexing). Empty when intact,
     * else what is wrong, in a few words.
     */
    public static Optional<String> damage(Path dir) {
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : r.leaves()) {
                leaf.reader().checkIntegrity();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(message.length() > 160 ? message.substring(0, 160) + "…" : message);
        }
    }

    /** The fingerprint stored with the index in {@code dir}, or empty when there is no readable index. */
    public static Optional<String> storedFingerprint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return Optional.ofNullable(r.getIndexCommit().getUserData().get(KEY_FINGERPRINT));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public AnalyzerKind analyzerKind() {
        return AnalyzerKind.fromKey(commitData.getOrDefault(KEY_ANALYZER, "folding"));
    }

    /**
     * The query embedder, when the index has vectors and one was given: the model the index was built with
     * (ADR 0015) — the given embedder for the default model, the shared instance of another known model.
     */
    public Optional<TextEmbedder> embedder() {
        return hasVectors() ? Optional.ofNullable(Embedders.forModelId(embeddingModelId(), embedder).get())
                : Optional.empty();
    }

    /** The model id of the index's vectors ("" without vectors). */
    public String embeddingModelId() {
        return commitData.getOrDefault(KEY_EMBEDDING_MODEL, "");
    }

    /**
     * Whether the dense arm can search this index: its vectors were complete when it was opened (vectors embedded
     * later are seen by an index opened after that).
     */
    public boolean hasVectors() {
        return vectors != null;
    }

    /** The complete vectors, when {@link #hasVectors()}. */
    public Optional<VectorIndex> vectors() {
        return Optional.ofNullable(vectors);
    }

    /** How far the vectors are now (reads the progress store's count while they are being embedded). */
    public VectorStatus vectorStatus() {
        String model = embeddingModel();
        if (model.isEmpty()) {
            return VectorStatus.none(size());
        }
        if (vectors != null) {
            return new VectorStatus(model, size(), size(), true);
        }
        try (VectorIndex now = VectorIndex.openIfComplete(dir, fingerprint(), model).orElse(null)) {
            if (now != null) {
                return new VectorStatus(model, size(), size(), true);
            }
        }
        int partial = Math.min(size(), VectorIndexer.partialCount(dir, fingerprint(), model));
        return new VectorStatus(model, partial, size(), false);
    }

    /** The fingerprint of the catalog and settings stored with the lexical index. */
    String fingerprint() {
        return commitData.getOrDefault(KEY_FINGERPRINT, "");
    }

    /** The embedding model the index wants, "" for none. */
    String embeddingModel() {
        return commitData.getOrDefault(KEY_EMBEDDING_MODEL, "");
    }

    public int size() {
        return reader.numDocs();
    }

    /** The item stored for a Lucene document id of this index. */
    public Item item(int docId) {
        try {
            return ItemJson.read(searcher.storedFields().document(docId).get(IndexFields.SOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item id of a Lucene document id, from doc values (cheap: no stored fields are read). */
    public String itemId(int docId) {
        String known = idByDoc[docId];
        if (known != null) {
            return known;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        try {
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexFields.ID);
            if (!ids.advanceExact(docId - leaf.docBase)) {
                throw new IllegalStateException("document " + docId + " has no id");
            }
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            idByDoc[docId] = id;
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The item ids of many Lucene document ids at once, in the given order: one doc-values iterator per segment,
     * visited in increasing doc order, instead of a fresh iterator per document as {@link #itemId} needs; ids read
     * once are kept by document id, so a document seen before costs an array read.
     */
    public String[] itemIds(int[] docIds) {
        String[] out = new String[docIds.length];
        int missing = 0;
        for (int i = 0; i < docIds.length; i++) {
            out[i] = idByDoc[docIds[i]];
            if (out[i] == null) {
                missing++;
            }
        }
        if (missing == 0) {
            return out;
        }
        Integer[] order = new Integer[missing];
        for (int i = 0, m = 0; i < docIds.length; i++) {
            if (out[i] == null) {
                order[m++] = i;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        List<LeafReaderContext> leaves = reader.leaves();
        try {
            int leafIndex = -1;
            SortedDocValues ids = null;
            int previousDoc = -1;
            String previousId = null;
            for (int i : order) {
                int doc = docIds[i];
                if (doc == previousDoc) {
                    out[i] = previousId;
                    continue;
                }
                int sub = ReaderUtil.subIndex(doc, leaves);
                if (sub != leafIndex) {
                    leafIndex = sub;
                    ids = DocValues.getSorted(leaves.get(sub).reader(), IndexFields.ID);
                }
                if (!ids.advanceExact(doc - leaves.get(sub).docBase)) {
                    throw new IllegalStateException("document " + doc + " has no id");
                }
                previousDoc = doc;
                previousId = ids.lookupOrd(ids.ordValue()).utf8ToString();
                idByDoc[doc] = previousId;
                out[i] = previousId;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every item of the index, in index order (for building dictionaries), through Lucene's sequential reader: each
     * block of stored documents decompressed once, not once per document in it.
     */
    public List<Item> allItems() {
        List<Item> items = new java.util.ArrayList<>(reader.maxDoc());
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader() instanceof CodecReader codec
                        ? codec.getFieldsReader().getMergeInstance() : leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        DocumentStoredFieldVisitor source = new DocumentStoredFieldVisitor(IndexFields.SOURCE);
                        stored.document(doc, source);
                        items.add(ItemJson.read(source.getDocument().get(IndexFields.SOURCE)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    public Optional<Item> itemById(String id) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            return hits.scoreDocs.length == 0 ? Optional.empty() : Optional.of(item(hits.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lucene document id of an item id, or -1. */
    public int docId(String id) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            return hits.scoreDocs.length == 0 ? -1 : hits.scoreDocs[0].doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IndexStats stats() {
        Map<String, Integer> byType = new TreeMap<>();
        try {
            for (ItemType type : ItemType.values()) {
                int n = searcher.count(new TermQuery(new Term(IndexFields.TYPE, type.key())));
                if (n > 0) {
                    byType.put(type.key(), n);
                }
            }
            VectorStatus v = vectorStatus();
            String state = !v.wanted() ? "" : v.complete() ? IndexStats.VECTORS_COMPLETE : IndexStats.VECTORS_PARTIAL;
            return new IndexStats(size(), byType, analyzerKind().key(), v.model(), fingerprint() + state,
                    sizeOnDisk(), commitData.getOrDefault(KEY_BUILT_AT, ""), v.complete() ? v.total() : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lexical index and its vectors (complete or in progress), in bytes. */
    private long sizeOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        } catch (UncheckedIOException e) {
            return 0; // a progress store committed while walking; the size is for display only
        }
    }

    @Override
    public void close() {
        try {
            if (vectors != null) {
                vectors.close();
            }
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FSDirectory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
