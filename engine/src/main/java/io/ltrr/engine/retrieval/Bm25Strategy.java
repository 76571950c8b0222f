package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.CatalogIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;

/** Arm {@code bm25}: bag-of-words BM25 over the configured fields, summed with their boosts. */
public final class Bm25Strategy extends LuceneStrategy {
    public static final String ID = "bm25";
    private final Bm25Config config;

    public Bm25Strategy(CatalogIndex index, Bm25Config config) {
        this(index, config, ArmSettings.DEFAULT_CACHE_ENTRIES);
    }

    /** @param cacheEntries queries whose results are kept, 0 for none (see {@link ResultCache}) */
    public Bm25Strategy(CatalogIndex index, Bm25Config config, int cacheEntries) {
        super(index, new BM25Similarity((float) config.k1(), (float) config.b()), cacheEntries);
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "lexical BM25 (k1=" + config.k1() + ", b=" + config.b() + ") over " + config.fields();
    }

    @Override
    protected Query query(RetrievalRequest request, int k) {
        return BagOfWords.build(index.analyzer(), config.fields(), request.lexicalText());
    }
}
