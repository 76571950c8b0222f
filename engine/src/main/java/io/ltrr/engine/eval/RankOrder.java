package io.ltrr.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a query's scored results become the ranking that measures see.
 *
 * <p>trec_eval ignores the rank column and the line order of a run file: it re-sorts each query's results
 * by score descending and breaks ties by document id descending ({@code strcmp(b, a)}). It stores scores
 * as C {@code float}, so two scores that differ only beyond single precision tie as well; pytrec_eval (and
 * so BEIR) shares that code. {@link #TREC_EVAL} reproduces this, and it is what makes figures match
 * Anserini's and BEIR's when a system returns tied scores (BM25 does, often).
 */
public enum RankOrder {
    /** The results' own order: the system's ranking, ties as it broke them. */
    AS_GIVEN,

    /**
     * Score descending compared at {@code float} precision, ties broken by document id descending in
     * byte order of the UTF-8 encoding (which is code point order), exactly as trec_eval sorts.
     */
    TREC_EVAL;

    /** trec_eval's comparator: best first. */
    public static final Comparator<ScoredDoc> TREC_EVAL_COMPARATOR = RankOrder::compareTrecEval;

    /** The document ids in this order, best first. */
    public List<String> rank(List<ScoredDoc> results) {
        List<ScoredDoc> ordered = results;
        if (this == TREC_EVAL) {
            ordered = new ArrayList<>(results);
            ordered.sort(TREC_EVAL_COMPARATOR);
        }
        return ordered.stream().map(ScoredDoc::docId).toList();
    }

    private static int compareTrecEval(ScoredDoc a, ScoredDoc b) {
        // Plain < and > rather than Float.compare: C treats -0.0 and 0.0 as equal scores.
        float sa = (float) a.score();
        float sb = (float) b.score();
        if (sa > sb) {
            return -1;
        }
        if (sa < sb) {
            return 1;
        }
        return compareCodePoints(b.docId(), a.docId());
    }

    /**
     * {@code strcmp} on UTF-8 bytes orders strings by code point; {@link String#compareTo} compares UTF-16
     * units, which differs for characters beyond the BMP, so compare code points explicitly.
     */
    static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
