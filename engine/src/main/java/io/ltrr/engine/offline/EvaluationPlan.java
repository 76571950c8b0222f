package io.ltrr.engine.offline;

import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.eval.BeirCollection;
import io.ltrr.engine.eval.Qrels;
import io.ltrr.engine.ltr.LambdaMartRanker;
import io.ltrr.engine.ltr.PairwiseLinearRanker;
import io.ltrr.engine.ltr.RankerRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which queries of a collection evaluation train the rankers and which are scored (issue 23):
 * <ul>
 *   <li>no ranker, or none that learns: every judged query of the evaluated split is scored (a training split, if
 *       given, is not used);</li>
 *   <li>a training split ({@link EvalRequest.TrainingSplit}): its judged queries train, every judged query of the
 *       evaluated split is scored, and the two must share no query;</li>
 *   <li>else the evaluated split's judged queries are split 80/20 (seeded): the 80 % train, the 20 % are scored.</li>
 * </ul>
 *
 * @param train       training queries (qid → text), empty when nothing trains
 * @param trainQrels  their judgments
 * @param scored      the scored queries (qid → text)
 * @param scoredQrels their judgments only (a judged query left out would count as nDCG 0 in the means)
 * @param scoredPart  which queries were scored, in words
 * @param trainedOn   what the rankers trained on, in words ("" when nothing trains)
 */
public record EvaluationPlan(Map<String, String> train, Qrels trainQrels, Map<String, String> scored,
                             Qrels scoredQrels, String scoredPart, String trainedOn) {

    /** Whether a ranker of the request learns from judgments (pairwise, LambdaMART, the swept fusion). */
    static boolean anyLearns(EvalRequest request) {
        return request.rankers().stream().anyMatch(r -> r.equals(PairwiseLinearRanker.ID)
                || r.equals(LambdaMartRanker.ID) || r.equals(RankerRegistry.FUSION_SWEEP));
    }

    /**
     * The plan of a request on a loaded collection.
     *
     * @param queries the evaluated split's judged queries (qid → text), in file order
     * @throws IllegalArgumentException when the training split shares a query with the evaluated one, or has no
     *                                  judged query
     */
    static EvaluationPlan of(EvalRequest request, BeirCollection evaluated, Map<String, String> queries, long seed)
            throws IOException {
        Qrels qrels = evaluated.qrels();
        String split = evaluated.split();
        if (!anyLearns(request)) {
            // nothing to train (a training split, if given, would be unused): every query is scored
            return all(queries, qrels, split);
        }
        if (request.training() != null) {
            return withTrainingSplit(request.training(), request.collection(), evaluated, queries);
        }
        return heldOut(queries, qrels, split, seed);
    }

    /** Every judged query scored, nothing trained. */
    static EvaluationPlan all(Map<String, String> queries, Qrels qrels, String split) {
        return new EvaluationPlan(Map.of(), Qrels.empty(), queries, qrels, String.format(Locale.ROOT,
                "all %d judged queries of split %s", queries.size(), split), "");
    }

    /** The seeded 80/20 split of the judged queries: the 80 % train, the 20 % are scored. */
    static EvaluationPlan heldOut(Map<String, String> queries, Qrels qrels, String split, long seed) {
        RankerEvaluation.Split s = RankerEvaluation.split(queries, seed);
        return new EvaluationPlan(s.train(), RankerEvaluation.restrict(qrels, s.train().keySet()), s.validation(),
                RankerEvaluation.restrict(qrels, s.validation().keySet()), String.format(Locale.ROOT,
                "%d of %d judged queries of split %s: the 20 %% held out of a seeded 80/20 split (seed %d)",
                s.validation().size(), queries.size(), split, seed), String.format(Locale.ROOT,
                "the other %d queries of split %s (80 %%)", s.train().size(), split));
    }

    private static EvaluationPlan withTrainingSplit(EvalRequest.TrainingSplit training, Path evaluatedDir,
                                                    BeirCollection evaluated, Map<String, String> queries)
            throws IOException {
        boolean sameCollection = training.collection() == null
                || training.collection().toAbsolutePath().normalize().equals(evaluatedDir.toAbsolutePath().normalize());
        Path dir = sameCollection ? evaluatedDir : training.collection();
        BeirCollection trainCollection = BeirCollection.load(dir, training.split());
        Map<String, String> train = CollectionEvaluator.judgedQueries(trainCollection);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("training split " + training.split() + " of " + dir
                    + " has no query with a relevant judgment");
        }
        Set<String> evaluatedTexts = new java.util.HashSet<>();
        queries.values().forEach(t -> evaluatedTexts.add(t.strip().toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, String> q : train.entrySet()) {
            boolean shared = sameCollection ? queries.containsKey(q.getKey())
                    : evaluatedTexts.contains(q.getValue().strip().toLowerCase(Locale.ROOT));
            if (shared) {
                throw new IllegalArgumentException("the training split " + training.split() + " and the evaluated "
                        + "split " + evaluated.split() + " share query " + q.getKey() + (sameCollection ? "" : " (same text)")
                        + ": training and evaluation must be disjoint");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>(train);
        return new EvaluationPlan(ordered, RankerEvaluation.restrict(trainCollection.qrels(), ordered.keySet()),
                queries, evaluated.qrels(), String.format(Locale.ROOT, "all %d judged queries of split %s",
                queries.size(), evaluated.split()), String.format(Locale.ROOT, "%d judged queries of split %s%s",
                train.size(), training.split(), sameCollection ? "" : " of " + dir));
    }
}
