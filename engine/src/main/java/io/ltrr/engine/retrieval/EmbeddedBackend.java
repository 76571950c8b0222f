package io.ltrr.engine.retrieval;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.qu.CatalogTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

/** The default backend: the data folder's own Lucene index ({@link CatalogIndex}), searched in this process. */
public final class EmbeddedBackend implements CatalogBackend {
    public static final String KIND = "embedded";

    private final CatalogIndex index;
    private final boolean owned;
    /** Plain BM25 with Lucene's defaults per field, for the rankers' field features. */
    private final IndexSearcher plainBm25;

    private EmbeddedBackend(CatalogIndex index, boolean owned) {
        this.index = index;
        this.owned = owned;
        this.plainBm25 = new IndexSearcher(index.searcher().getIndexReader());
        this.plainBm25.setSimilarity(new BM25Similarity());
    }

    /** A backend over an index this backend closes. */
    public static EmbeddedBackend owning(CatalogIndex index) {
        return new EmbeddedBackend(index, true);
    }

    /** A backend over an index the caller keeps open and closes. */
    public static EmbeddedBackend over(CatalogIndex index) {
        return new EmbeddedBackend(index, false);
    }

    /** The Lucene index underneath (for Lucene-only tools: the bench harness). */
    public CatalogIndex index() {
        return index;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String location() {
        return "the embedded index";
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public boolean hasVectors() {
        return index.hasVectors();
    }

    @Override
    public Optional<TextEmbedder> embedder() {
        return index.embedder();
    }

    @Override
    public Optional<Item> itemById(String id) {
        return index.itemById(id);
    }

    @Override
    public List<Item> items(List<String> ids) {
        List<Item> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            int doc = index.docId(id);
            out.add(doc < 0 ? null : index.item(doc));
        }
        return out;
    }

    @Override
    public List<Item> allItems() {
        return index.allItems();
    }

    @Override
    public IndexStats stats() {
        return index.stats();
    }

    @Override
    public double[] fieldBm25(String field, String text, List<String> ids) {
        int[] docs = new int[ids.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = index.docId(ids.get(i));
        }
        return new FieldBm25(plainBm25, index.analyzer()).score(field, text, docs);
    }

    @Override
    public Map<String, RetrievalStrategy> arms(ArmSettings settings, CatalogTagger tagger, QueryMemory memory,
                                               QueryRewriter rewriter) {
        return ArmRegistry.create(index, settings, tagger, memory, rewriter);
    }

    @Override
    public void close() {
        if (owned) {
            index.close();
        }
    }
}
