package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TopDocs;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Arm {@code bm25-pop}: the BM25 query must match, and a saturated popularity feature is added to its score,
 * so of two items that match equally well the more popular ranks higher.
 */
public final class PopularityBm25Strategy extends LuceneStrategy {
    public static final String ID = "bm25-pop";
    private final Bm25Config bm25;
    private final PopularityConfig popularity;
    private final PopularityFirst popularFirst;

    public PopularityBm25Strategy(CatalogIndex index, Bm25Config bm25, PopularityConfig popularity) {
        this(index, bm25, popularity, ArmSettings.DEFAULT_CACHE_ENTRIES);
    }

    /** @param cacheEntries queries whose results are kept, 0 for none (see {@link ResultCache}) */
    public PopularityBm25Strategy(CatalogIndex index, Bm25Config bm25, PopularityConfig popularity, int cacheEntries) {
        super(index, new BM25Similarity((float) bm25.k1(), (float) bm25.b()), cacheEntries);
        this.bm25 = bm25;
        this.popularity = popularity;
        try {
            this.popularFirst = new PopularityFirst(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same top k as the query's own search, without scoring every lexical match ({@link PopularityFirst}). */
    @Override
    protected TopDocs topDocs(Query query, int k) throws IOException {
        Query lexical = ((BooleanQuery) query).clauses().getFirst().query();
        return popularFirst.search(query, lexical, popularity.weight(), popularity.pivot(), k);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "BM25 + popularity (FeatureField saturation, weight " + popularity.weight() + ", pivot "
                + popularity.pivot() + ")";
    }

    @Override
    protected Query query(RetrievalRequest request, int k) {
        Query lexical = BagOfWords.build(index.analyzer(), bm25.fields(), request.lexicalText());
        if (lexical == null) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(lexical, BooleanClause.Occur.MUST)
                .add(FeatureField.newSaturationQuery(IndexFields.FEATURES, IndexFields.POPULARITY,
                        popularity.weight(), popularity.pivot()), BooleanClause.Occur.SHOULD)
                .build();
    }
}
