package io.ltrr.engine.api;

import io.ltrr.engine.eval.Metric;
import io.ltrr.engine.retrieval.Bm25Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An offline evaluation of arms on a BEIR-format collection.
 *
 * @param collection folder with corpus.jsonl, queries.jsonl, qrels/&lt;split&gt;.tsv
 * @param split      qrels split, or null for the collection's default
 * @param arms       arm ids to evaluate, in order; not empty
 * @param metrics    metric names ("ndcg@10", "mrr@10", "recall@100")
 * @param depth      how many results each arm retrieves per query (at least the largest cutoff)
 * @param runFile    where to write a TREC run file, or null (with several arms, the arm id is inserted)
 * @param bm25       BM25 configuration of the lexical arms
 * @param rankers    rankers to evaluate over the union of the arms' candidates (empty: arms only); when given,
 *                   the judged queries are split 80/20 (seeded), trainable rankers learn from the 80 % and
 *                   every figure (arms too) is computed on the 20 %
 */
public record EvalRequest(Path collection, String split, List<String> arms, List<String> metrics, int depth,
                          Path runFile, Bm25Config bm25, List<String> rankers) {
    public static final List<String> DEFAULT_METRICS = List.of("ndcg@10", "mrr@10", "recall@100");

    public EvalRequest {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(bm25, "bm25");
        arms = List.copyOf(arms);
        rankers = rankers == null ? List.of() : List.copyOf(rankers);
        for (String r : rankers) {
            if (!io.ltrr.engine.ltr.RankerRegistry.IDS.contains(r)) {
                throw new IllegalArgumentException("rankers: unknown ranker '" + r + "'; known: "
                        + io.ltrr.engine.ltr.RankerRegistry.IDS);
            }
        }
        metrics = List.copyOf(metrics.isEmpty() ? DEFAULT_METRICS : metrics);
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("arms: name at least one arm to evaluate");
        }
        int deepest = Metric.parseAll(metrics).stream().mapToInt(Metric::cutoff).max().orElse(10);
        if (depth < deepest || depth > 10_000) {
            throw new IllegalArgumentException("depth must be between the largest metric cutoff (" + deepest
                    + ") and 10000, was " + depth);
        }
    }

    /** Arms only, no rankers. */
    public EvalRequest(Path collection, String split, List<String> arms, List<String> metrics, int depth,
                       Path runFile, Bm25Config bm25) {
        this(collection, split, arms, metrics, depth, runFile, bm25, List.of());
    }
}
