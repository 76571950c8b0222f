package io.ltrr.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-query retrieval measures over a ranking (document ids, best first) and one query's judgments
 * (document id → grade), defined as trec_eval defines them so figures match trec_eval, pytrec_eval, BEIR
 * and Anserini:
 *
 * <ul>
 *   <li>a document is relevant when its grade is {@code > 0}; unjudged documents count as grade 0;</li>
 *   <li>{@code ndcg@k} is trec_eval's {@code ndcg_cut.k}: gain = the grade itself (no {@code 2^g - 1}),
 *       discount {@code 1 / log2(rank + 1)} for 1-based ranks, ideal DCG from all judged documents with
 *       grade {@code > 0} sorted by grade descending, both cut at {@code k};</li>
 *   <li>{@code mrr@k}: 1 / rank of the first relevant document within the top {@code k}, else 0;</li>
 *   <li>{@code recall@k}: relevant documents in the top {@code k} / all relevant documents;</li>
 *   <li>{@code precision@k}: relevant documents in the top {@code k} / {@code k}, even when fewer than
 *       {@code k} were retrieved (trec_eval's {@code P.k}).</li>
 * </ul>
 *
 * A query without relevant documents gets 0 from every measure (trec_eval does the same); the
 * {@link Evaluator} leaves such queries out of its means, so those zeros never dilute a mean.
 * The ranking is used in the order given: to reproduce trec_eval on a scored run, order it first with
 * {@link RankOrder#TREC_EVAL}. A ranking that lists a document twice is rejected, as trec_eval rejects it.
 */
public final class Metrics {
    private static final double LN_2 = Math.log(2.0);

    private Metrics() {
    }

    /** Discounted cumulative gain of the top {@code k}, trec_eval style (linear gain). */
    public static double dcgAt(List<String> ranking, Map<String, Integer> judgments, int k) {
        check(ranking, judgments, k);
        double dcg = 0.0;
        int n = Math.min(k, ranking.size());
        for (int i = 0; i < n; i++) {
            int grade = judgments.getOrDefault(ranking.get(i), 0);
            if (grade > 0) {
                dcg += grade / log2(i + 2);
            }
        }
        return dcg;
    }

    /** The best DCG any ranking can reach at {@code k}: the relevant grades sorted descending. */
    public static double idealDcgAt(Map<String, Integer> judgments, int k) {
        Objects.requireNonNull(judgments, "judgments");
        requireCutoff(k);
        List<Integer> grades = new ArrayList<>();
        for (int grade : judgments.values()) {
            if (grade > 0) {
                grades.add(grade);
            }
        }
        grades.sort(Comparator.reverseOrder());
        double ideal = 0.0;
        int n = Math.min(k, grades.size());
        for (int i = 0; i < n; i++) {
            ideal += grades.get(i) / log2(i + 2);
        }
        return ideal;
    }

    /** {@code dcg@k / idealDcg@k}, 0 when the query has no relevant document. */
    public static double ndcgAt(List<String> ranking, Map<String, Integer> judgments, int k) {
        double ideal = idealDcgAt(judgments, k);
        double dcg = dcgAt(ranking, judgments, k);
        return ideal > 0.0 ? dcg / ideal : 0.0;
    }

    /** 1 / (1-based rank of the first relevant document in the top {@code k}), 0 when there is none. */
    public static double reciprocalRankAt(List<String> ranking, Map<String, Integer> judgments, int k) {
        check(ranking, judgments, k);
        int n = Math.min(k, ranking.size());
        for (int i = 0; i < n; i++) {
            if (judgments.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }

    /** Relevant documents in the top {@code k} / all relevant documents; 0 when there are none. */
    public static double recallAt(List<String> ranking, Map<String, Integer> judgments, int k) {
        check(ranking, judgments, k);
        long relevant = judgments.values().stream().filter(g -> g > 0).count();
        return relevant == 0 ? 0.0 : (double) relevantInTop(ranking, judgments, k) / relevant;
    }

    /** Relevant documents in the top {@code k} / {@code k}. */
    public static double precisionAt(List<String> ranking, Map<String, Integer> judgments, int k) {
        check(ranking, judgments, k);
        return (double) relevantInTop(ranking, judgments, k) / k;
    }

    /**
     * {@code log2(n)} for the discount; exact for powers of two (ranks 1, 3, 7, …), where the quotient of
     * natural logs could be off by an ulp from C's {@code log2}. Elsewhere it agrees to about 1e-16.
     */
    static double log2(int n) {
        if (Integer.bitCount(n) == 1) {
            return Integer.numberOfTrailingZeros(n);
        }
        return Math.log(n) / LN_2;
    }

    private static int relevantInTop(List<String> ranking, Map<String, Integer> judgments, int k) {
        int hits = 0;
        int n = Math.min(k, ranking.size());
        for (int i = 0; i < n; i++) {
            if (judgments.getOrDefault(ranking.get(i), 0) > 0) {
                hits++;
            }
        }
        return hits;
    }

    private static void check(List<String> ranking, Map<String, Integer> judgments, int k) {
        Objects.requireNonNull(ranking, "ranking");
        Objects.requireNonNull(judgments, "judgments");
        requireCutoff(k);
        Set<String> seen = new HashSet<>();
        for (String doc : ranking) {
            if (!seen.add(Objects.requireNonNull(doc, "ranking contains a null document id"))) {
                throw new IllegalArgumentException("ranking lists document '" + doc + "' more than once");
            }
        }
    }

    private static void requireCutoff(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cutoff k must be >= 1, was " + k);
        }
    }
}
