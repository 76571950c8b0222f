package io.ltrr.engine.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The complete sentence vectors of a catalog index (ADR 0013): a Lucene index of its own in the catalog index's
 * {@code vectors} folder, one document per item (the item id and its vector in an HNSW graph). Written whole by
 * {@link VectorIndexer} once every item is embedded, so an open one is never partial. Read-only; close it when done.
 */
public final class VectorIndex implements AutoCloseable {
    /** The folder of the complete vectors inside a catalog index folder. */
    static final String FOLDER = "vectors";
    /** The catalog fingerprint the vectors were made for. */
    static final String KEY_VECTORS_OF = "ltrr.vectors_of";

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private VectorIndex(FSDirectory directory, DirectoryReader reader) {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /**
     * The complete vectors of the catalog index in {@code catalogDir} when there are ones made for its
     * {@code fingerprint} with {@code model}; empty otherwise (none yet, still being embedded, or stale).
     */
    static Optional<VectorIndex> openIfComplete(Path catalogDir, String fingerprint, String model) {
        Path dir = catalogDir.resolve(FOLDER);
        if (model.isEmpty() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        FSDirectory directory = null;
        try {
            directory = FSDirectory.open(dir);
            DirectoryReader reader = DirectoryReader.open(directory);
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (fingerprint.equals(data.get(KEY_VECTORS_OF)) && model.equals(data.get(CatalogIndex.KEY_EMBEDDING_MODEL))) {
                return Optional.of(new VectorIndex(directory, reader));
            }
            reader.close();
            directory.close();
            return Optional.empty();
        } catch (IOException e) {
            if (directory != null) {
                try {
                    directory.close();
                } catch (IOException ignored) {
                    // the vectors are unusable either way; they are embedded again
                }
            }
            return Optional.empty();
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public int size() {
        return reader.numDocs();
    }

    /** The item ids of document ids of this vector index, in the given order. */
    public String[] itemIds(int[] docIds) {
        String[] out = new String[docIds.length];
        List<LeafReaderContext> leaves = reader.leaves();
        try {
            for (int i = 0; i < docIds.length; i++) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docIds[i], leaves));
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexFields.ID);
                if (!ids.advanceExact(docIds[i] - leaf.docBase)) {
                    throw new IllegalStateException("vector document " + docIds[i] + " has no id");
                }
                out[i] = ids.lookupOrd(ids.ordValue()).utf8ToString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The document id of an item's vector, or -1. */
    public int docId(String itemId) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexFields.ID, itemId)), 1);
            return hits.scoreDocs.length == 0 ? -1 : hits.scoreDocs[0].doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
