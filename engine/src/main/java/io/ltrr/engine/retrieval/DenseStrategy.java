package io.ltrr.engine.retrieval;

import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.IndexFields;
import io.ltrr.engine.index.VectorIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Arm {@code dense}: the query's sentence embedding (with the query instruction of the index's model, if it has
 * one: {@link TextEmbedder#embedQuery}), nearest neighbours in the HNSW graph of the catalog's
 * {@link VectorIndex} (ADR 0013: the vectors are a second index, complete before this arm exists). The score is
 * Lucene's dot-product score (1 + cos) / 2. HNSW search is approximate: asked for more neighbours it explores
 * more of the graph, so results are neither deepened nor cached.
 */
public final class DenseStrategy implements RetrievalStrategy {
    /** Reads the index only (and, for dense, the in-process embedding model). */
    @Override
    public boolean retrievesOnAnyThread() {
        return true;
    }

    public static final String ID = "dense";

    private final CatalogIndex index;
    private final VectorIndex vectors;

    /** @throws IllegalStateException when the index has no complete vectors */
    public DenseStrategy(CatalogIndex index) {
        this.index = index;
        this.vectors = index.vectors().orElseThrow(() -> new IllegalStateException(
                "the dense arm needs an index whose embeddings are complete"));
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

    private KnnFloatVectorQuery query(RetrievalRequest request, int k) {
        return new KnnFloatVectorQuery(IndexFields.VECTOR, embedder().embedQuery(request.query()), Math.max(1, k));
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        if (k <= 0) {
            return CandidateList.empty(ID, "k=0");
        }
        if (request.query().isBlank()) {
            return CandidateList.empty(ID, "no searchable term");
        }
        try {
            TopDocs top = vectors.searcher().search(query(request, k), k);
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            String[] ids = vectors.itemIds(docs);
            List<Candidate> out = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                out.add(new Candidate(ids[i], i + 1, top.scoreDocs[i].score));
            }
            return new CandidateList(ID, out, "kNN over " + vectors.size() + " vectors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        int doc = vectors.docId(itemId);
        if (doc < 0 || request.query().isBlank()) {
            return ScoreExplanation.leaf(0, ID + ": not retrieved");
        }
        try {
            return LuceneExplanations.convert(vectors.searcher().explain(query(request, 100), doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
