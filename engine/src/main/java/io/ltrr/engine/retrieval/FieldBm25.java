package io.ltrr.engine.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * BM25 of the query in one field, scored only for the given documents. Rather than running a search (which would
 * score every matching document of the index) or calling explain per document (which rebuilds the weight each
 * time), it builds the field's weight once and advances each segment's scorer to the wanted documents in
 * ascending order: the cost is one weight plus a skip per candidate.
 */
final class FieldBm25 {
    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    FieldBm25(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    /** Scores of the documents ({@code docIds[i]} → {@code out[i]}); 0 where the field does not match or doc < 0. */
    double[] score(String field, String text, int[] docIds) {
        double[] out = new double[docIds.length];
        List<String> terms = terms(field, text);
        if (terms.isEmpty()) {
            return out;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        terms.forEach(t -> q.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
        Integer[] order = new Integer[docIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(q.build()), ScoreMode.COMPLETE, 1f);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int leafIndex = -1;
            Scorer scorer = null;
            for (int i : order) {
                int doc = docIds[i];
                if (doc < 0) {
                    continue;
                }
                int li = ReaderUtil.subIndex(doc, leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    scorer = weight.scorer(leaves.get(li));
                }
                if (scorer == null) {
                    continue;
                }
                int local = doc - leaves.get(li).docBase;
                DocIdSetIterator it = scorer.iterator();
                if (it.docID() < local) {
                    it.advance(local);
                }
                if (it.docID() == local) {
                    out[i] = scorer.score();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
