package io.ltrr.engine.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a bag-of-words query as Anserini's BagOfWordsQueryGenerator does: the query is analyzed, each distinct
 * term becomes a SHOULD term query boosted by how often it occurs, in every field with the field's boost.
 * User text is never parsed as query syntax, so no input can make it fail.
 */
final class BagOfWords {
    /** Beyond this many distinct terms the rest of a (pasted, very long) query is ignored. */
    static final int MAX_TERMS = 128;

    private BagOfWords() {
    }

    static Map<String, Integer> termCounts(Analyzer analyzer, String field, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (counts.containsKey(t) || counts.size() < MAX_TERMS) {
                    counts.merge(t, 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** The query, or null when the text has no searchable term. */
    static Query build(Analyzer analyzer, Map<String, Float> fields, String text) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            for (Map.Entry<String, Integer> t : termCounts(analyzer, field.getKey(), text).entrySet()) {
                Query q = new TermQuery(new Term(field.getKey(), t.getKey()));
                float boost = field.getValue() * t.getValue();
                builder.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : builder.build();
    }
}
