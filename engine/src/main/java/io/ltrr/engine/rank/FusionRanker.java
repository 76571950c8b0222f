package io.ltrr.engine.rank;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fusion of the arms' lists as one ranker (issue 23): each arm's scores for the query normalised
 * ({@link ScoreNormalization}) and combined by a weighted mean ({@link ScoreCombination}), or the arms' ranks fused
 * by weighted reciprocal-rank fusion with a chosen k. Unlike {@link RrfRanker} the weights are fixed per arm (equal
 * by default, or learned offline by a sweep) rather than the bandit's means. Ties keep the union's first-seen order.
 * Every score explains itself: each arm's normalised score (or rank term) and weight.
 */
public final class FusionRanker implements Ranker {
    public static final String ID = "fusion";

    private final FusionConfig config;

    public FusionRanker(FusionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The untrained default: min-max normalisation, arithmetic mean, equal weights. */
    public FusionRanker() {
        this(FusionConfig.DEFAULT);
    }

    public FusionConfig config() {
        return config;
    }

    /** The plain id for the default configuration, else the configuration's spec (stored with impressions). */
    @Override
    public String id() {
        return config.equals(FusionConfig.DEFAULT) ? ID : config.toSpec();
    }

    @Override
    public List<RankedItem> rank(RankingInput input, int n) {
        Prepared p = prepare(input.union());
        double[] scores = p.scores(config);
        List<Integer> order = p.order(scores);
        List<RankedItem> out = new ArrayList<>(Math.min(n, order.size()));
        for (int i = 0; i < Math.min(n, order.size()); i++) {
            int at = order.get(i);
            String id = p.items.get(at);
            out.add(new RankedItem(id, i + 1, scores[at], input.union().get(id), explain(p, at, scores[at])));
        }
        return out;
    }

    private ScoreExplanation explain(Prepared p, int item, double score) {
        List<ScoreExplanation> parts = new ArrayList<>(p.arms.size());
        for (int a = 0; a < p.arms.size(); a++) {
            String arm = p.arms.get(a);
            double w = config.weight(arm);
            int rank = p.ranks[a][item];
            if (config.method() == FusionConfig.Method.RRF) {
                if (rank > 0) {
                    parts.add(ScoreExplanation.leaf(w / (config.rrfK() + rank), String.format(Locale.ROOT,
                            "%s: weight %.3f / (k %d + rank %d)", arm, w, config.rrfK(), rank)));
                } else {
                    parts.add(ScoreExplanation.leaf(0, arm + ": not retrieved, weight " + fmt(w)));
                }
            } else {
                double s = p.normalized(config.normalization())[a][item];
                parts.add(ScoreExplanation.leaf(s, String.format(Locale.ROOT, "%s: %s score %.4f%s, weight %.3f",
                        arm, config.normalization().key(), s,
                        rank > 0 ? String.format(Locale.ROOT, " (raw %.4f, rank %d)", p.raw[a][item], rank)
                                : " (not retrieved)", w)));
            }
        }
        String how = config.method() == FusionConfig.Method.RRF
                ? "weighted reciprocal-rank fusion, k " + config.rrfK() + " (sum over arms)"
                : "weighted " + config.combination().key() + " mean of " + config.normalization().key()
                  + " normalised arm scores";
        return new ScoreExplanation(score, how, parts);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The union precomputed for scoring under many configurations (the weight sweep scores each query often). */
    public static Prepared prepare(Map<String, Map<String, ArmHit>> union) {
        return new Prepared(union);
    }

    /**
     * One query's union as matrices: arms × items of raw scores and ranks (0 where the arm did not retrieve the
     * item), the normalised scores per normalisation made on first use.
     */
    public static final class Prepared {
        private final List<String> items;
        private final List<String> arms;
        private final double[][] raw;
        private final int[][] ranks;
        private final Map<ScoreNormalization, double[][]> normalized = new EnumMap<>(ScoreNormalization.class);

        private Prepared(Map<String, Map<String, ArmHit>> union) {
            items = new ArrayList<>(union.keySet());
            Map<String, Integer> armIndex = new LinkedHashMap<>();
            union.values().forEach(hits -> hits.keySet().forEach(a -> armIndex.putIfAbsent(a, armIndex.size())));
            arms = List.copyOf(armIndex.keySet());
            raw = new double[arms.size()][items.size()];
            ranks = new int[arms.size()][items.size()];
            for (int i = 0; i < items.size(); i++) {
                for (Map.Entry<String, ArmHit> h : union.get(items.get(i)).entrySet()) {
                    int a = armIndex.get(h.getKey());
                    raw[a][i] = h.getValue().score();
                    ranks[a][i] = h.getValue().rank();
                }
            }
        }

        public List<String> items() {
            return items;
        }

        public List<String> arms() {
            return arms;
        }

        /** arms × items: each arm's normalised scores, its absent score where it did not retrieve the item. */
        synchronized double[][] normalized(ScoreNormalization n) {
            return normalized.computeIfAbsent(n, this::normalize);
        }

        private double[][] normalize(ScoreNormalization n) {
            double[][] out = new double[arms.size()][items.size()];
            for (int a = 0; a < arms.size(); a++) {
                int count = 0;
                for (int i = 0; i < items.size(); i++) {
                    count += ranks[a][i] > 0 ? 1 : 0;
                }
                double[] retrieved = new double[count];
                int k = 0;
                for (int i = 0; i < items.size(); i++) {
                    if (ranks[a][i] > 0) {
                        retrieved[k++] = raw[a][i];
                    }
                }
                double[] norm = n.normalize(retrieved);
                double absent = n.absent(norm);
                k = 0;
                for (int i = 0; i < items.size(); i++) {
                    out[a][i] = ranks[a][i] > 0 ? norm[k++] : absent;
                }
            }
            return out;
        }

        /** Every item's fused score under a configuration, in union order. */
        public double[] scores(FusionConfig config) {
            double[] w = new double[arms.size()];
            for (int a = 0; a < arms.size(); a++) {
                w[a] = config.weight(arms.get(a));
            }
            double[] out = new double[items.size()];
            if (config.method() == FusionConfig.Method.RRF) {
                for (int a = 0; a < arms.size(); a++) {
                    for (int i = 0; i < items.size(); i++) {
                        if (ranks[a][i] > 0) {
                            out[i] += w[a] / (config.rrfK() + ranks[a][i]);
                        }
                    }
                }
                return out;
            }
            double[][] norm = normalized(config.normalization());
            double[] s = new double[arms.size()];
            for (int i = 0; i < items.size(); i++) {
                for (int a = 0; a < arms.size(); a++) {
                    s[a] = norm[a][i];
                }
                out[i] = config.combination().combine(s, w);
            }
            return out;
        }

        /** Item indexes best first; ties keep union order. */
        public List<Integer> order(double[] scores) {
            List<Integer> order = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                order.add(i);
            }
            order.sort((x, y) -> {
                int c = Double.compare(scores[y], scores[x]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            return order;
        }
    }
}
