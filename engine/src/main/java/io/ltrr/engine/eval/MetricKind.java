package io.ltrr.engine.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The measures the evaluator knows, by their stable name (the part before {@code @} in {@code "ndcg@10"}). */
public enum MetricKind {
    /** trec_eval {@code ndcg_cut.k}; see {@link Metrics#ndcgAt}. */
    NDCG("ndcg") {
        @Override
        double compute(List<String> ranking, Map<String, Integer> judgments, int k) {
            return Metrics.ndcgAt(ranking, judgments, k);
        }
    },
    /** Reciprocal rank within the top k (BEIR's {@code MRR@k}); see {@link Metrics#reciprocalRankAt}. */
    MRR("mrr") {
        @Override
        double compute(List<String> ranking, Map<String, Integer> judgments, int k) {
            return Metrics.reciprocalRankAt(ranking, judgments, k);
        }
    },
    /** trec_eval {@code recall.k}; see {@link Metrics#recallAt}. */
    RECALL("recall") {
        @Override
        double compute(List<String> ranking, Map<String, Integer> judgments, int k) {
            return Metrics.recallAt(ranking, judgments, k);
        }
    },
    /** trec_eval {@code P.k}; see {@link Metrics#precisionAt}. */
    PRECISION("precision") {
        @Override
        double compute(List<String> ranking, Map<String, Integer> judgments, int k) {
            return Metrics.precisionAt(ranking, judgments, k);
        }
    };

    private final String key;

    MetricKind(String key) {
        this.key = key;
    }

    /** The stable lower-case name used in metric names and reports. */
    public String key() {
        return key;
    }

    abstract double compute(List<String> ranking, Map<String, Integer> judgments, int k);

    /** The kind with this stable name; rejects unknown names with a message listing the known ones. */
    public static MetricKind fromKey(String key) {
        for (MetricKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "' (known: " + knownKeys() + ")");
    }

    static String knownKeys() {
        return Arrays.stream(values()).map(MetricKind::key).collect(Collectors.joining(", "));
    }
}
