package io.ltrr.engine.api;

import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.ope.OffPolicyEstimator;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.Judgment;
import java.nio.file.Path;
import java.util.List;

/** The workbench's offline work: evaluation, ranker training on judgments, off-policy estimates, agreement. */
public interface Offline {
    /**
     * Arms on a BEIR-format collection (its index is built under the data folder on first use).
     *
     * @throws IllegalArgumentException for a missing split, an unknown arm or metric, or an empty corpus
     */
    EvalReport evaluate(EvalRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * Arms (and rankers) of the indexed catalog against judgments imported into the data folder: every judged
     * query with a relevant item runs through each arm; with rankers the judged queries are split 80/20 (seeded)
     * and learned rankers train on the 80 %.
     *
     * @param source an imported source name (by default the imported file's name), or "all"
     * @throws IllegalArgumentException for an unknown source or arm, or judgments without a relevant item
     * @throws IllegalStateException    when there is no index yet
     */
    EvalReport evaluateJudgments(String source, List<String> armIds, List<String> metrics, int depth, Path runFile,
                                 List<String> rankers, ProgressListener progress, CancellationToken cancel);

    /**
     * Trains a ranker from the logged features and feedback plus the judged queries of imported judgments: each
     * judged query's candidates from every arm, labelled by their grades.
     *
     * @param source an imported source name, or "all"
     * @throws IllegalArgumentException for a ranker that does not learn, an unknown source, or nothing to learn
     */
    RankerTraining trainRanker(String rankerId, String source);

    /** The imported relevance judgments, by source, query and item. */
    List<Judgment> judgments();

    /**
     * Off-policy estimates of targets on the data folder's log, best doubly robust value first. The log is read
     * under the workbench's lock; the estimates and their bootstrap run outside it.
     *
     * @throws IllegalArgumentException for an unknown policy id or an empty log
     */
    List<OpeEstimate> offPolicyEstimates(List<String> targets, PolicyTarget.Mode mode, OffPolicyEstimator estimator,
                                         long policySeed);

    /**
     * Inter-annotator agreement over the log's ratings.
     *
     * @param annotators whom to compare, or empty for everyone with a graded rating
     * @throws IllegalArgumentException when fewer than two annotators are compared or one has no graded rating
     */
    AgreementReport agreement(List<String> annotators);
}
