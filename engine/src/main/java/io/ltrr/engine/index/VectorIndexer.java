package io.ltrr.engine.index;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.Embedders;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Embeds a catalog index's items after its lexical index is built (ADR 0013), so searches can start before the
 * vectors are there. Two steps, both resumable:
 * <ol>
 *   <li>{@code embedding}: each item not embedded yet is embedded and added to the progress store
 *       ({@code vectors.partial}: id and raw vector, no graph), committed every {@value #COMMIT_EVERY} items and
 *       when cancelled, so a cancelled or crashed run loses at most the last uncommitted items and a restart
 *       embeds only what is missing;</li>
 *   <li>{@code vector graph}: once every item has a vector, the HNSW index is written in one pass, in catalog
 *       order, into {@code vectors.building}, swapped in as {@code vectors} and the progress store deleted. The
 *       graph therefore never depends on where an earlier run stopped: a resumed index equals an uninterrupted
 *       one.</li>
 * </ol>
 * Both folders live inside the catalog index's folder, so a rebuilt catalog index starts without stale vectors.
 */
public final class VectorIndexer {
    static final String PARTIAL = "vectors.partial";
    static final String BUILDING = "vectors.building";
    private static final String RAW = "raw_vector";
    private static final int BATCH = 256;
    /** Items between commits of the progress store (a commit is an fsync; about 2–3 s of embedding on 2 cores). */
    static final int COMMIT_EVERY = 1024;

    private final Supplier<TextEmbedder> embedder;

    /** @param embedder supplies the model the catalog index wants (its id must match the index's) */
    public VectorIndexer(Supplier<TextEmbedder> embedder) {
        this.embedder = embedder;
    }

    /**
     * How far the vectors of the catalog index in {@code catalogDir} are (cheap: reads commit data and counts).
     *
     * @throws IllegalStateException when there is no catalog index there
     */
    public static VectorStatus status(Path catalogDir) {
        try (CatalogIndex index = CatalogIndex.open(catalogDir, null)) {
            return index.vectorStatus();
        }
    }

    /** Items in the progress store made for this fingerprint and model (0 when there is none or it is stale). */
    static int partialCount(Path catalogDir, String fingerprint, String model) {
        Path dir = catalogDir.resolve(PARTIAL);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return matches(r.getIndexCommit().getUserData(), fingerprint, model) ? r.numDocs() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean matches(Map<String, String> data, String fingerprint, String model) {
        return fingerprint.equals(data.get(VectorIndex.KEY_VECTORS_OF))
                && model.equals(data.get(CatalogIndex.KEY_EMBEDDING_MODEL));
    }

    /**
     * Embeds what is missing and builds the vector graph, unless the vectors are complete already.
     *
     * @throws CancellationException when {@code cancel} is cancelled; what was embedded is kept for the next run
     */
    public VectorStatus complete(Path catalogDir, ProgressListener progress, CancellationToken cancel) {
        String fingerprint;
        String model;
        List<Item> items;
        try (CatalogIndex index = CatalogIndex.open(catalogDir, null)) {
            VectorStatus status = index.vectorStatus();
            if (!status.pending()) {
                return status;
            }
            fingerprint = index.fingerprint();
            model = status.model();
            items = index.allItems();
        }
        // The model the index recorded (ADR 0015): the given embedder for the default model, else that model's.
        TextEmbedder model0 = Embedders.forModelId(model, embedder).get();
        if (!model0.modelId().equals(model)) {
            throw new IllegalStateException("the index wants embeddings of " + model + ", the embedder is "
                    + model0.modelId() + " (rebuild it with: ltrr index --force)");
        }
        try {
            embedMissing(catalogDir, fingerprint, model0, items, progress, cancel);
            buildGraph(catalogDir, fingerprint, model, items, progress, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the vectors in " + catalogDir + ": " + e.getMessage(), e);
        }
        return new VectorStatus(model, items.size(), items.size(), true);
    }

    private static void embedMissing(Path catalogDir, String fingerprint, TextEmbedder model, List<Item> items,
                                     ProgressListener progress, CancellationToken cancel) throws IOException {
        Path dir = catalogDir.resolve(PARTIAL);
        boolean resume = partialCount(catalogDir, fingerprint, model.modelId()) > 0;
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(resume ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            writer.setLiveCommitData(Map.of(VectorIndex.KEY_VECTORS_OF, fingerprint,
                    CatalogIndex.KEY_EMBEDDING_MODEL, model.modelId(),
                    CatalogIndex.KEY_ITEMS, Integer.toString(items.size())).entrySet());
            Set<String> done = resume ? embeddedIds(writer) : new HashSet<>();
            List<Item> missing = items.stream().filter(i -> !done.contains(i.id())).toList();
            int count = items.size() - missing.size();
            progress.progress("embedding", count, items.size());
            int uncommitted = 0;
            for (int from = 0; from < missing.size(); from += BATCH) {
                if (cancel.isCancelled()) {
                    writer.commit(); // keep what was embedded: the next run starts from here
                    cancel.throwIfCancelled();
                }
                List<Item> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
                List<String> texts = new ArrayList<>(batch.size());
                batch.forEach(i -> texts.add(ItemDocuments.embeddingText(i)));
                List<float[]> vectors = model.embedAll(texts);
                for (int i = 0; i < batch.size(); i++) {
                    writer.addDocument(rawDocument(batch.get(i).id(), vectors.get(i)));
                }
                count += batch.size();
                uncommitted += batch.size();
                if (uncommitted >= COMMIT_EVERY) {
                    writer.commit();
                    uncommitted = 0;
                }
                progress.progress("embedding", count, items.size());
            }
            writer.commit();
        }
    }

    private static Set<String> embeddedIds(IndexWriter writer) throws IOException {
        Set<String> ids = new HashSet<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues values = leaf.reader().getSortedDocValues(IndexFields.ID);
                if (values == null) {
                    continue;
                }
                while (values.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                    ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
                }
            }
        }
        return ids;
    }

    private static Document rawDocument(String id, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id)));
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        doc.add(new StoredField(RAW, bytes.array()));
        return doc;
    }

    private static float[] rawVector(IndexSearcher searcher, String id) throws IOException {
        TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (hits.scoreDocs.length == 0) {
            throw new IllegalStateException("item " + id + " has no vector in the progress store");
        }
        BytesRef raw = searcher.storedFields().document(hits.scoreDocs[0].doc).getBinaryValue(RAW);
        float[] vector = new float[raw.length / Float.BYTES];
        ByteBuffer.wrap(raw.bytes, raw.offset, raw.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** The HNSW index of every vector in catalog order, written aside and swapped in whole. */
    private static void buildGraph(Path catalogDir, String fingerprint, String model, List<Item> items,
                                   ProgressListener progress, CancellationToken cancel) throws IOException {
        Path building = catalogDir.resolve(BUILDING);
        CatalogIndexer.deleteRecursively(building);
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256);
        try (FSDirectory partial = FSDirectory.open(catalogDir.resolve(PARTIAL));
             DirectoryReader raw = DirectoryReader.open(partial);
             FSDirectory target = FSDirectory.open(building);
             IndexWriter writer = new IndexWriter(target, config)) {
            IndexSearcher searcher = new IndexSearcher(raw);
            progress.progress("vector graph", 0, items.size());
            for (int i = 0; i < items.size(); i++) {
                if (i % BATCH == 0) {
                    cancel.throwIfCancelled();
                    progress.progress("vector graph", i, items.size());
                }
                String id = items.get(i).id();
                Document doc = new Document();
                doc.add(new StringField(IndexFields.ID, id, Field.Store.NO));
                doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id)));
                doc.add(new KnnFloatVectorField(IndexFields.VECTOR, rawVector(searcher, id),
                        VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            cancel.throwIfCancelled();
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of(VectorIndex.KEY_VECTORS_OF, fingerprint,
                    CatalogIndex.KEY_EMBEDDING_MODEL, model,
                    CatalogIndex.KEY_ITEMS, Integer.toString(items.size())).entrySet());
            writer.commit();
            progress.progress("vector graph", items.size(), items.size());
        } catch (RuntimeException | IOException e) {
            CatalogIndexer.deleteRecursively(building);
            throw e;
        }
        Path complete = catalogDir.resolve(VectorIndex.FOLDER);
        CatalogIndexer.deleteRecursively(complete);
        Files.move(building, complete, StandardCopyOption.ATOMIC_MOVE);
        CatalogIndexer.deleteRecursively(catalogDir.resolve(PARTIAL));
    }
}
