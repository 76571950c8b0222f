package io.ltrr.engine.offline;

import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.eval.Evaluator;
import io.ltrr.engine.eval.Metric;
import io.ltrr.engine.eval.Qrels;
import io.ltrr.engine.eval.RankOrder;
import io.ltrr.engine.eval.Run;
import io.ltrr.engine.eval.RunEvaluation;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.FeatureMatrix;
import io.ltrr.engine.ltr.FeatureRanker;
import io.ltrr.engine.ltr.RankerRegistry;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.ltr.TrainableRanker;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.CandidateUnion;
import io.ltrr.engine.rank.FusionRanker;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rankers over the union of the requested arms' candidates on a test collection: the judged queries are split
 * (seeded) into a training and a validation part; trainable rankers learn from the training queries' judgments
 * as labels; every ranker is evaluated on the validation queries (as are the single arms, for comparison).
 */
public final class RankerEvaluation {
    /** Share of the judged queries used for training. */
    public static final double TRAIN_FRACTION = 0.8;

    private RankerEvaluation() {
    }

    /** The validation queries of a seeded split (the rest train); same seed, same split. */
    public static Split split(Map<String, String> queries, long seed) {
        List<String> ids = new ArrayList<>(queries.keySet());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = ids.size() - 1; i > 0; i--) {
            java.util.Collections.swap(ids, i, random.nextInt(i + 1));
        }
        int cut = (int) Math.round(ids.size() * TRAIN_FRACTION);
        Map<String, String> train = new LinkedHashMap<>();
        Map<String, String> validation = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            (i < cut ? train : validation).put(ids.get(i), queries.get(ids.get(i)));
        }
        return new Split(train, validation);
    }

    /** The judgments of the given queries only. */
    public static Qrels restrict(Qrels qrels, java.util.Set<String> queryIds) {
        Qrels.Builder b = Qrels.builder();
        for (String q : queryIds) {
            qrels.judgments(q).forEach((doc, grade) -> b.add(q, doc, grade));
        }
        return b.build();
    }

    record Split(Map<String, String> train, Map<String, String> validation) {
    }

    /**
     * Every requested ranker over the union of the arms' candidates: trainable ones learn from the plan's training
     * queries (their judgments as labels), the swept fusion learns its technique and weights there
     * ({@link FusionSweep}); every ranker is scored on the plan's scored queries.
     */
    public static List<EvalReport.ArmFigures> evaluate(EvalRequest request, EvaluationPlan plan,
                                                       Map<String, RetrievalStrategy> arms, FeatureExtractor extractor,
                                                       CatalogTagger tagger, long seed, ProgressListener progress,
                                                       CancellationToken cancel) {
        long start = System.nanoTime();
        boolean learns = EvaluationPlan.anyLearns(request);
        Map<String, Round> train = learns
                ? rounds(plan.train(), request, arms, extractor, tagger, seed, progress, cancel) : Map.of();
        Map<String, Round> scored = rounds(plan.scored(), request, arms, extractor, tagger, seed, progress, cancel);
        long prepared = (System.nanoTime() - start) / 1_000_000;
        List<Metric> metrics = Metric.parseAll(request.metrics());
        List<EvalReport.ArmFigures> out = new ArrayList<>();
        for (String id : request.rankers()) {
            long t0 = System.nanoTime();
            String label = id;
            Ranker ranker;
            if (id.equals(RankerRegistry.FUSION_SWEEP)) {
                FusionSweep.Result swept = FusionSweep.sweep(request.arms(), sweepQueries(train, plan.trainQrels()));
                ranker = new FusionRanker(swept.best());
                label = id + " → " + swept.best().toSpec() + String.format(java.util.Locale.ROOT,
                        " (%d configurations, training nDCG@10 %.4f on %d queries)", swept.configurations(),
                        swept.trainNdcg(), train.size());
            } else {
                ranker = RankerRegistry.create(id, extractor, seed);
                if (ranker instanceof TrainableRanker t) {
                    label = id + " (" + t.train(examples(train, plan.trainQrels())).queries() + " training queries)";
                }
            }
            Run.Builder run = Run.builder();
            for (Map.Entry<String, Round> e : scored.entrySet()) {
                Round r = e.getValue();
                List<RankedItem> ranked = ranker instanceof FeatureRanker f
                        ? f.rank(r.input(), r.features(), request.depth()) : ranker.rank(r.input(), request.depth());
                ranked.forEach(item -> run.add(e.getKey(), item.itemId(), item.score()));
            }
            RunEvaluation ev = Evaluator.evaluate(run.build(), plan.scoredQrels(), metrics, RankOrder.TREC_EVAL);
            Map<String, Double> means = new LinkedHashMap<>();
            metrics.forEach(m -> means.put(m.name(), ev.mean(m.name())));
            out.add(new EvalReport.ArmFigures("ranker:" + label, means, "",
                    prepared + (System.nanoTime() - t0) / 1_000_000));
        }
        return out;
    }

    /** The training queries' features labelled by their judgments (0 when unjudged, negative grades as 0). */
    private static List<RankingExample> examples(Map<String, Round> train, Qrels qrels) {
        List<RankingExample> examples = new ArrayList<>();
        long qid = 0;
        for (Map.Entry<String, Round> e : train.entrySet()) {
            Map<String, Integer> judged = qrels.judgments(e.getKey());
            qid++;
            for (Map.Entry<String, double[]> row : e.getValue().features().rows().entrySet()) {
                examples.add(new RankingExample(qid, row.getKey(), 0, row.getValue(),
                        Math.max(0, judged.getOrDefault(row.getKey(), 0)), false));
            }
        }
        return examples;
    }

    private static List<FusionSweep.TrainingQuery> sweepQueries(Map<String, Round> train, Qrels qrels) {
        List<FusionSweep.TrainingQuery> out = new ArrayList<>(train.size());
        train.forEach((qid, r) -> out.add(new FusionSweep.TrainingQuery(FusionRanker.prepare(r.input().union()),
                qrels.judgments(qid))));
        return out;
    }

    record Round(RankingInput input, FeatureMatrix features) {
    }

    /** Each query's union of the request's arms' candidates and their features, by qid. */
    public static Map<String, Round> rounds(Map<String, String> queries, EvalRequest request,
                                             Map<String, RetrievalStrategy> arms, FeatureExtractor extractor,
                                             CatalogTagger tagger, long seed, ProgressListener progress,
                                             CancellationToken cancel) {
        ContextVector x = new ContextVector(List.of("bias"), new double[] {1});
        Map<String, Round> out = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, String> q : queries.entrySet()) {
            cancel.throwIfCancelled();
            RetrievalRequest req = new RetrievalRequest(q.getValue(), tagger.analyze(q.getValue()), seed);
            Map<String, CandidateList> lists = new LinkedHashMap<>();
            for (String arm : request.arms()) {
                lists.put(arm, arms.get(arm).retrieve(req, request.depth()));
            }
            RankingInput input = new RankingInput(req.analysis(), x, Map.of(), CandidateUnion.of(lists));
            out.put(q.getKey(), new Round(input, extractor.extract(input)));
            progress.progress("ranker features", ++done, queries.size());
        }
        return out;
    }
}
