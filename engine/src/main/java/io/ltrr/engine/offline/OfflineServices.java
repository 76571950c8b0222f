package io.ltrr.engine.offline;

import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.agreement.AnnotatorAgreement;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.EvalReport;
import io.ltrr.engine.api.EvalRequest;
import io.ltrr.engine.api.Offline;
import io.ltrr.engine.api.RankerTraining;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.live.LiveServices;
import io.ltrr.engine.ltr.RankingExample;
import io.ltrr.engine.ope.FixedArmTarget;
import io.ltrr.engine.ope.LogEvaluation;
import io.ltrr.engine.ope.OffPolicyEstimator;
import io.ltrr.engine.ope.OpeEstimate;
import io.ltrr.engine.ope.PolicyTarget;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LoggedRating;
import io.ltrr.engine.store.LoggedRound;
import io.ltrr.engine.store.PolicySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workbench's offline work: evaluation on BEIR collections and on imported judgments, ranker training with
 * judgments, off-policy estimates and annotator agreement. Reads of the store and the live services happen under
 * the workbench's lock; long computations (estimates, bootstraps, collection evaluation) outside it.
 */
public final class OfflineServices implements Offline {
    private final Object lock;
    private final DataLayout layout;
    private final FeedbackStore store;
    private final Supplier<TextEmbedder> embedder;
    private final Supplier<LiveServices> live;
    private final long seed;

    /**
     * @param lock the monitor the workbench's own calls hold
     * @param live the workbench's live services (built on first use)
     */
    private final Supplier<BackendChoice> backend;

    public OfflineServices(Object lock, DataLayout layout, FeedbackStore store, Supplier<TextEmbedder> embedder,
                           Supplier<LiveServices> live, long seed, Supplier<BackendChoice> backend) {
        this.lock = lock;
        this.backend = backend;
        this.layout = layout;
        this.store = store;
        this.embedder = embedder;
        this.live = live;
        this.seed = seed;
    }

    @Override
    public EvalReport evaluate(EvalRequest request, ProgressListener progress, CancellationToken cancel) {
        try {
            return new CollectionEvaluator(layout, embedder, seed, backend.get()).evaluate(request, progress, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate on " + request.collection() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EvalReport evaluateJudgments(String source, List<String> armIds, List<String> metrics, int depth,
                                        Path runFile, List<String> rankers, ProgressListener progress,
                                        CancellationToken cancel) {
        synchronized (lock) {
            return evaluateJudgments(live.get(), source, armIds, metrics, depth, runFile, rankers, progress, cancel);
        }
    }

    private EvalReport evaluateJudgments(LiveServices live, String source, List<String> armIds, List<String> metrics,
                                         int depth, Path runFile, List<String> rankers, ProgressListener progress,
                                         CancellationToken cancel) {
        EvalRequest request = JudgmentEvaluation.request(layout.root(), source, armIds, metrics, depth, runFile,
                rankers);
        JudgmentEvaluation.Judged judged = JudgmentEvaluation.judged(store.judgments().all(), source);
        ArmRegistry.requireKnown(request.arms(), live.arms());
        try {
            return JudgmentEvaluation.evaluate(request, judged, live.arms(), live.tagger(), live.features(),
                    live.index().size(), seed, progress, cancel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot evaluate against judgments '" + source + "': " + e.getMessage(), e);
        }
    }

    @Override
    public RankerTraining trainRanker(String rankerId, String source) {
        synchronized (lock) {
            LiveServices l = live.get();
            JudgmentEvaluation.Judged judged = JudgmentEvaluation.judged(store.judgments().all(), source);
            List<RankingExample> examples = JudgmentEvaluation.trainingExamples(judged, l.arms(), l.features(),
                    l.tagger(), seed);
            return l.bandit().rankers().train(rankerId, examples, judged.queries().size() + " queries judged in '"
                    + source + "'");
        }
    }

    @Override
    public List<Judgment> judgments() {
        synchronized (lock) {
            return store.judgments().all();
        }
    }

    @Override
    public List<OpeEstimate> offPolicyEstimates(List<String> targets, PolicyTarget.Mode mode,
                                                OffPolicyEstimator estimator, long policySeed) {
        List<LoggedRound> rounds;
        Map<String, Optional<PolicySnapshot>> states = new LinkedHashMap<>();
        synchronized (lock) {
            rounds = store.logReader().rounds();
            for (String t : targets) {
                if (!t.startsWith(FixedArmTarget.PREFIX)) {
                    states.put(t, store.learnedState().latestPolicyState(t));
                }
            }
        }
        return LogEvaluation.of(rounds, id -> states.getOrDefault(id, Optional.empty()))
                .evaluate(targets, mode, estimator, policySeed);
    }

    @Override
    public AgreementReport agreement(List<String> annotators) {
        List<LoggedRating> ratings;
        synchronized (lock) {
            ratings = store.logReader().ratings();
        }
        return AnnotatorAgreement.of(ratings, annotators);
    }
}
