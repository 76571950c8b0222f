package io.ltrr.engine.offline;

import io.ltrr.engine.rank.FusionConfig;
import io.ltrr.engine.rank.FusionRanker;
import io.ltrr.engine.rank.ScoreCombination;
import io.ltrr.engine.rank.ScoreNormalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a fusion configuration on training queries the way OpenSearch's hybrid search optimizer does: a grid over
 * the arms' weights (on the simplex, step {@link #step(int)}) for every technique — each normalisation with each
 * combination it allows, and RRF with each k of {@link #RRF_KS} — keeping the one with the best mean nDCG@10 over the
 * training queries (the first found on a tie, the grid being walked in a fixed order). Deterministic.
 */
public final class FusionSweep {
    /** The RRF constants tried. */
    static final List<Integer> RRF_KS = List.of(10, 20, 40, 60, 100);
    private static final int CUTOFF = 10;

    private FusionSweep() {
    }

    /** One training query: its union, prepared, and its judgments (doc → grade). */
    public record TrainingQuery(FusionRanker.Prepared union, Map<String, Integer> judgments) {
    }

    /**
     * The sweep's outcome.
     *
     * @param best           the configuration with the best training mean
     * @param trainNdcg      its mean nDCG@10 on the training queries
     * @param configurations how many configurations were scored
     */
    public record Result(FusionConfig best, double trainNdcg, int configurations) {
    }

    /** The grid step of the weights for a number of arms: fine for few arms, coarser as the grid grows. */
    static double step(int arms) {
        return arms <= 3 ? 0.1 : arms == 4 ? 0.2 : arms == 5 ? 0.25 : 0.5;
    }

    /** Every technique the sweep tries, equal weights. */
    static List<FusionConfig> techniques() {
        List<FusionConfig> out = new ArrayList<>();
        for (ScoreNormalization n : ScoreNormalization.values()) {
            for (ScoreCombination c : ScoreCombination.values()) {
                if (!(n == ScoreNormalization.Z_SCORE && c.needsPositiveScores())) {
                    out.add(FusionConfig.scores(n, c));
                }
            }
        }
        RRF_KS.forEach(k -> out.add(FusionConfig.rrf(k)));
        return out;
    }

    /**
     * Weight vectors on the simplex (summing to 1) in steps of {@code step}, in lexicographic order.
     *
     * @throws IllegalArgumentException when there is no arm
     */
    static List<double[]> weightGrid(int arms, double step) {
        if (arms < 1) {
            throw new IllegalArgumentException("arms must be at least 1, was " + arms);
        }
        int units = (int) Math.round(1 / step);
        List<double[]> out = new ArrayList<>();
        fill(new int[arms], 0, units, units, out);
        return out;
    }

    private static void fill(int[] at, int i, int left, int units, List<double[]> out) {
        if (i == at.length - 1) {
            at[i] = left;
            double[] w = new double[at.length];
            for (int j = 0; j < at.length; j++) {
                w[j] = (double) at[j] / units;
            }
            out.add(w);
            return;
        }
        for (int u = 0; u <= left; u++) {
            at[i] = u;
            fill(at, i + 1, left - u, units, out);
        }
    }

    /**
     * The best configuration for {@code arms} on the training queries.
     *
     * @throws IllegalArgumentException when there is no training query
     */
    public static Result sweep(List<String> arms, List<TrainingQuery> queries) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("the fusion sweep needs training queries");
        }
        FusionConfig best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        int tried = 0;
        List<double[]> grid = weightGrid(arms.size(), step(arms.size()));
        for (FusionConfig technique : techniques()) {
            for (double[] w : grid) {
                Map<String, Double> weights = new LinkedHashMap<>();
                for (int a = 0; a < arms.size(); a++) {
                    weights.put(arms.get(a), w[a]);
                }
                FusionConfig config = technique.withWeights(weights);
                double mean = meanNdcg(config, queries);
                tried++;
                if (mean > bestMean + 1e-12) {
                    bestMean = mean;
                    best = config;
                }
            }
        }
        return new Result(best, bestMean, tried);
    }

    static double meanNdcg(FusionConfig config, List<TrainingQuery> queries) {
        double sum = 0;
        for (TrainingQuery q : queries) {
            sum += ndcgAt10(q.union(), q.union().scores(config), q.judgments());
        }
        return sum / queries.size();
    }

    /** nDCG@10 as trec_eval's ndcg_cut_10 computes it (gain = grade, log2 discount), ties in union order. */
    static double ndcgAt10(FusionRanker.Prepared union, double[] scores, Map<String, Integer> judgments) {
        int[] top = topIndexes(scores, CUTOFF);
        double dcg = 0;
        for (int r = 0; r < top.length; r++) {
            int g = Math.max(0, judgments.getOrDefault(union.items().get(top[r]), 0));
            dcg += g / log2(r + 2);
        }
        int[] ideal = judgments.values().stream().mapToInt(g -> Math.max(0, g)).boxed()
                .sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).limit(CUTOFF).toArray();
        double idcg = 0;
        for (int r = 0; r < ideal.length; r++) {
            idcg += ideal[r] / log2(r + 2);
        }
        return idcg > 0 ? dcg / idcg : 0;
    }

    /** The indexes of the n highest scores, best first; an earlier index wins a tie. */
    private static int[] topIndexes(double[] scores, int n) {
        int k = Math.min(n, scores.length);
        int[] top = new int[k];
        Arrays.fill(top, -1);
        for (int i = 0; i < scores.length; i++) {
            int pos = k;
            while (pos > 0 && (top[pos - 1] < 0 || scores[i] > scores[top[pos - 1]])) {
                pos--;
            }
            if (pos < k) {
                System.arraycopy(top, pos, top, pos + 1, k - pos - 1);
                top[pos] = i;
            }
        }
        return top;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
