package io.ltrr.engine.retrieval;

import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * Arm {@code dense}: the query's sentence embedding (with the query instruction of the index's model, if it has
 * one: {@link TextEmbedder#embedQuery}), nearest neighbours in the HNSW graph. The score is Lucene's dot-product
 * score (1 + cos) / 2.
 */
public final class DenseStrategy extends LuceneStrategy {
    public static final String ID = "dense";
    /** @throws IllegalStateException when the index was built without embeddings */
    public DenseStrategy(CatalogIndex index) {
        super(index, null, 0);
        if (!index.hasVectors()) {
            throw new IllegalStateException("the dense arm needs an index built with embeddings");
        }
    }

    /** The query embedder, loaded on the first dense query rather than when the arm is created. */
    private TextEmbedder embedder() {
        return index.embedder().orElseThrow(() -> new IllegalStateException(
                "the dense arm needs a query embedder"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "dense vectors (sentence embeddings, HNSW kNN)";
    }

    /** HNSW search is approximate: asked for more neighbours it explores more of the graph. */
    @Override
    protected boolean exact() {
        return false;
    }

    @Override
    protected Query query(RetrievalRequest request, int k) {
        if (request.query().isBlank()) {
            return null;
        }
        return new KnnFloatVectorQuery(IndexFields.VECTOR, embedder().embedQuery(request.query()), Math.max(1, k));
    }

    @Override
    protected String note(Query query) {
        return "kNN over " + index.size() + " vectors";
    }
}
