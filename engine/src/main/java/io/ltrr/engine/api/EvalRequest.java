package io.ltrr.engine.api;

import io.ltrr.engine.embed.EmbeddingModelKind;
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
 * @param rankers    rankers to evaluate over the union of the arms' candidates (empty: arms only); without a
 *                   {@code training}, the judged queries are split 80/20 (seeded), trainable rankers learn from
 *                   the 80 % and every figure (arms too) is computed on the 20 %
 * @param embeddingModel the model of the collection index's vectors (the dense arm)
 * @param training   where rankers and fusion weights learn, disjoint from the evaluated split; null for the
 *                   seeded 80/20 split of the evaluated one
 */
public record EvalRequest(Path collection, String split, List<String> arms, List<String> metrics, int depth,
                          Path runFile, Bm25Config bm25, List<String> rankers, EmbeddingModelKind embeddingModel,
                          TrainingSplit training) {
    public static final List<String> DEFAULT_METRICS = List.of("ndcg@10", "mrr@10", "recall@100");

    public EvalRequest {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(bm25, "bm25");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        arms = List.copyOf(arms);
        rankers = rankers == null ? List.of() : List.copyOf(rankers);
        for (String r : rankers) {
            try {
                io.ltrr.engine.ltr.RankerRegistry.requireKnown(r, true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rankers: " + e.getMessage(), e);
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

    /** With the default embedding model, rankers trained on the 80/20 split of the evaluated queries. */
    public EvalRequest(Path collection, String split, List<String> arms, List<String> metrics, int depth,
                       Path runFile, Bm25Config bm25, List<String> rankers) {
        this(collection, split, arms, metrics, depth, runFile, bm25, rankers, EmbeddingModelKind.defaultModel(), null);
    }

    public EvalRequest withEmbeddingModel(EmbeddingModelKind model) {
        return new EvalRequest(collection, split, arms, metrics, depth, runFile, bm25, rankers, model, training);
    }

    /**
     * With the embedding model of that name ("minilm", "bge-small").
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public EvalRequest withEmbeddingModel(String name) {
        return withEmbeddingModel(EmbeddingModelKind.fromName(name));
    }

    public EvalRequest withTraining(TrainingSplit on) {
        return new EvalRequest(collection, split, arms, metrics, depth, runFile, bm25, rankers, embeddingModel, on);
    }

    /**
     * Where rankers and fusion weights train when they must not see the evaluated queries: the judged queries of
     * {@code split} of {@code collection} (the evaluated collection when null). Every query of the evaluated split
     * is then scored; a query id in both is refused, so training and evaluation stay disjoint.
     *
     * @param collection the training collection folder, or null for the evaluated one (its corpus must be the
     *                   evaluated corpus: the training queries are retrieved from the same index)
     * @param split      the training qrels split; not blank
     */
    public record TrainingSplit(Path collection, String split) {
        public TrainingSplit {
            if (split == null || split.isBlank()) {
                throw new IllegalArgumentException("training split: name the qrels split to train on");
            }
        }
    }

    /** Arms only, no rankers. */
    public EvalRequest(Path collection, String split, List<String> arms, List<String> metrics, int depth,
                       Path runFile, Bm25Config bm25) {
        this(collection, split, arms, metrics, depth, runFile, bm25, List.of());
    }
}
