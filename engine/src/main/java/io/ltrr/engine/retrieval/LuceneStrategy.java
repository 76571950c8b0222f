package io.ltrr.engine.retrieval;

import io.ltrr.engine.index.CatalogIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Shared plumbing of the arms that are one Lucene query: run it, turn hits into candidates, explain. An exact arm
 * (its top k a function of the query alone) answers a repeated query from its {@link ResultCache}; an approximate
 * one (kNN, whose search depends on k) searches for exactly k every time.
 */
abstract class LuceneStrategy implements RetrievalStrategy {
    /** Reads the index only (and, for dense, the in-process embedding model). */
    @Override
    public boolean retrievesOnAnyThread() {
        return true;
    }

    protected final CatalogIndex index;
    protected final IndexSearcher searcher;
    private final ResultCache results;

    /** @param cacheEntries result cache capacity (queries kept), 0 for none; ignored by approximate arms */
    LuceneStrategy(CatalogIndex index, Similarity similarity, int cacheEntries) {
        this.index = index;
        this.results = new ResultCache(exact() ? cacheEntries : 0);
        this.searcher = new IndexSearcher(index.searcher().getIndexReader());
        if (similarity != null) {
            searcher.setSimilarity(similarity);
        }
    }

    /**
     * Whether the arm's top k is the first k of its top k' for any k' ≥ k (exact scoring); false for an
     * approximate search, which is then neither deepened nor cached.
     */
    protected boolean exact() {
        return true;
    }

    /**
     * The query for this request, or null when there is nothing to search for. An exact arm's query is a function of
     * the request's {@link RetrievalRequest#lexicalText() lexical text} alone: that text is its result cache key (a
     * repeat is answered without building the query, and the cache keeps a string rather than a query tree).
     */
    protected abstract Query query(RetrievalRequest request, int k);

    /** A short note for display: what was searched. */
    protected String note(Query query) {
        return query.toString();
    }

    @Override
    public CandidateList retrieve(RetrievalRequest request, int k) {
        if (k <= 0) {
            return CandidateList.empty(id(), "k=0");
        }
        if (exact()) {
            return results.topK(request.lexicalText(), k, depth -> search(query(request, depth), depth));
        }
        return search(query(request, k), k);
    }

    private CandidateList search(Query query, int k) {
        if (query == null) {
            return CandidateList.empty(id(), "no searchable term");
        }
        try {
            TopDocs top = topDocs(query, k);
            int[] docs = new int[top.scoreDocs.length];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = top.scoreDocs[i].doc;
            }
            String[] ids = index.itemIds(docs);
            List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < docs.length; i++) {
                out.add(new Candidate(ids[i], i + 1, top.scoreDocs[i].score));
            }
            return new CandidateList(id(), out, note(query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query's top k (an arm may find them another way, with the same result). */
    protected TopDocs topDocs(Query query, int k) throws IOException {
        return searcher.search(query, k);
    }

    @Override
    public CacheStats resultCacheStats() {
        return results.stats();
    }

    @Override
    public ScoreExplanation explain(RetrievalRequest request, String itemId) {
        int doc = index.docId(itemId);
        Query query = query(request, 100);
        if (doc < 0 || query == null) {
            return ScoreExplanation.leaf(0, id() + ": not retrieved");
        }
        try {
            return LuceneExplanations.convert(searcher.explain(query, doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
