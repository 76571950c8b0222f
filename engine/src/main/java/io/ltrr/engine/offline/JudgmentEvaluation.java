package io.ltrr.engine.offline;

import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.eval.Qrels;
import io.ltrr.engine.export.QueryIds;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.store.Judgment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The catalog's arms and rankers measured against the relevance judgments imported into the data folder
 * ({@code ltrr import judgments}), and those judgments as training examples for the learned rankers.
 *
 * <p>A judgment source is the name given at import (by default the file name); {@value #ALL} takes every source,
 * a (query, item) pair judged by several of them counting with its highest grade. Query ids are the
 * {@link QueryIds} encoding of the query text, as in the TREC files {@code ltrr export qrels|run} writes, so a
 * run file written here scores the same with trec_eval against an exported qrels file.
 */
public final class JudgmentEvaluation {
    /** Every imported source at once. */
    public static final String ALL = "all";
    /** How many candidates each arm gives a judged query when it becomes training examples. */
    public static final int TRAINING_DEPTH = 100;

    private JudgmentEvaluation() {
    }

    /**
     * The judgments of a source as qrels, and its queries that have at least one relevant (grade &gt; 0) item.
     *
     * @param qrels   every judgment of the source (grades as imported)
     * @param queries qid → query text, the judged queries with a relevant item, sorted by qid
     */
    record Judged(String source, Qrels qrels, Map<String, String> queries) {
    }

    /**
     * @throws IllegalArgumentException when nothing was imported, the source is unknown, or none of its queries
     *                                  has a relevant item
     */
    public static Judged judged(List<Judgment> all, String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("name the judgments to use: an imported source, or '" + ALL + "'");
        }
        TreeSet<String> sources = new TreeSet<>();
        all.forEach(j -> sources.add(j.source()));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no judgments have been imported into this data folder: "
                    + "ltrr import judgments FILE first");
        }
        if (!ALL.equals(source) && !sources.contains(source)) {
            throw new IllegalArgumentException("no judgments of source '" + source + "'; imported sources: " + sources
                    + " (or '" + ALL + "')");
        }
        Map<String, Map<String, Integer>> best = new LinkedHashMap<>();
        Map<String, String> text = new java.util.TreeMap<>();
        for (Judgment j : all) {
            if (ALL.equals(source) || j.source().equals(source)) {
                String qid = QueryIds.encode(j.query());
                text.put(qid, j.query());
                best.computeIfAbsent(qid, q -> new LinkedHashMap<>()).merge(j.itemId(), j.grade(), Math::max);
            }
        }
        Qrels.Builder b = Qrels.builder();
        best.forEach((qid, docs) -> docs.forEach((doc, grade) -> b.add(qid, doc, grade)));
        Qrels qrels = b.build();
        Map<String, String> queries = new LinkedHashMap<>();
        text.forEach((qid, q) -> {
            if (qrels.relevantCount(qid) > 0) {
                queries.put(qid, q);
            }
        });
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("judgments '" + source + "' have no query with a relevant item "
                    + "(grade > 0)");
        }
        return new Judged(source, qrels, queries);
    }

    /** The request of a judgment evaluation ({@code collection} is the data folder, {@code split} names the source). */
    public static EvalRequest request(Path dataDir, String source, List<String> arms, List<String> metrics, int depth,
                               Path runFile, List<String> rankers) {
        return new EvalRequest(dataDir, "judgments:" + source, arms, metrics, depth, runFile, Bm25Config.music(),
                rankers);
    }

    /**
     * Every requested arm over the judged queries, and the rankers as in a collection evaluation: with rankers,
     * the queries are split 80/20 (seeded), learned rankers train on the 80 % and every figure is on the 20 %.
     */
    public static EvalReport evaluate(EvalRequest request, Judged judged, Map<String, RetrievalStrategy> arms,
                               CatalogTagger tagger, FeatureExtractor extractor, int documents, long seed,
                               ProgressListener progress, CancellationToken cancel) throws IOException {
        EvaluationPlan plan = request.rankers().isEmpty()
                ? EvaluationPlan.all(judged.queries(), judged.qrels(), request.split())
                : EvaluationPlan.heldOut(judged.queries(), judged.qrels(), request.split(), seed);
        Function<String, RetrievalRequest> requests = text -> new RetrievalRequest(text, tagger.analyze(text), seed);
        List<EvalReport.ArmFigures> figures = new ArrayList<>();
        for (String armId : request.arms()) {
            figures.add(CollectionEvaluator.evaluateArm(arms.get(armId), plan.scored(), plan.scoredQrels(), request,
                    requests, progress, cancel));
        }
        if (!request.rankers().isEmpty()) {
            figures.addAll(RankerEvaluation.evaluate(request, plan, arms, extractor, tagger, seed, progress, cancel));
        }
        return new EvalReport(request.collection().toString(), request.split(), plan.scored().size(), documents,
                figures, plan.scoredPart(), plan.train().size(), plan.trainedOn());
    }

    /**
     * The judged queries as training examples: each query's union of the arms' candidates (top
     * {@value #TRAINING_DEPTH} of each), labelled by its judgment (0 when unjudged, negative grades as 0), shown at
     * position 0 (offline judgments). Query groups get negative qids so they never merge with logged searches.
     */
    public static List<RankingExample> trainingExamples(Judged judged, Map<String, RetrievalStrategy> arms,
                                                 FeatureExtractor extractor, CatalogTagger tagger, long seed) {
        EvalRequest request = new EvalRequest(Path.of("judgments"), null, List.copyOf(arms.keySet()),
                EvalRequest.DEFAULT_METRICS, TRAINING_DEPTH, null, Bm25Config.music(), List.of());
        Map<String, RankerEvaluation.Round> rounds = RankerEvaluation.rounds(judged.queries(), request, arms,
                extractor, tagger, seed, ProgressListener.NONE, CancellationToken.none());
        List<RankingExample> out = new ArrayList<>();
        long qid = 0;
        for (Map.Entry<String, RankerEvaluation.Round> e : rounds.entrySet()) {
            Map<String, Integer> grades = judged.qrels().judgments(e.getKey());
            qid--;
            for (Map.Entry<String, double[]> row : e.getValue().features().rows().entrySet()) {
                out.add(new RankingExample(qid, row.getKey(), 0, row.getValue(),
                        Math.max(0, grades.getOrDefault(row.getKey(), 0)), false));
            }
        }
        return out;
    }
}
