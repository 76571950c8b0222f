package io.ltrr.engine.clicks.recovery;

import io.ltrr.engine.clicks.ClickModelFit;
import io.ltrr.engine.clicks.ClickModelOptions;
import io.ltrr.engine.clicks.PairEstimate;
import io.ltrr.engine.clicks.PbmEstimator;
import io.ltrr.engine.clicks.RelevanceEstimator;
import io.ltrr.engine.clicks.RelevanceEstimators;
import io.ltrr.engine.sim.Attractiveness;
import io.ltrr.engine.sim.CascadeClickModel;
import io.ltrr.engine.sim.ClickModelSpec;
import io.ltrr.engine.sim.PositionBasedClickModel;
import io.ltrr.engine.sim.PositionBias;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Fits every click model on logs of the simulator's cascade and position-based users (default attractiveness
 * 0.02, 0.3, 0.6, 0.9 by grade; examination 1/k^0.7) and compares the estimates with the grades the clicks were
 * drawn from. Deterministic per setup.
 */
public final class ClickModelRecovery {
    private ClickModelRecovery() {
    }

    /** The simulator's users this recovery is run for: cascade, then position-based, with default parameters. */
    public static List<ClickModelSpec> users() {
        return List.of(new ClickModelSpec(CascadeClickModel.ID, Attractiveness.defaults(), PositionBias.defaults()),
                new ClickModelSpec(PositionBasedClickModel.ID, Attractiveness.defaults(), PositionBias.defaults()));
    }

    /** Simulates a log per kind of user and fits every estimator on it. */
    public static RecoveryReport run(ClickLogSetup setup, ClickModelOptions options) {
        List<RecoveryReport.Users> out = new ArrayList<>();
        for (ClickModelSpec users : users()) {
            out.add(recover(SimulatedClickLog.simulate(setup, users), options));
        }
        return new RecoveryReport(setup, options.minImpressions(), out);
    }

    /** Fits every estimator on one simulated log. */
    public static RecoveryReport.Users recover(SimulatedClickLog log, ClickModelOptions options) {
        List<RecoveryReport.Model> models = new ArrayList<>();
        RecoveryReport.Agreement ctr = null;
        List<Double> pbmExamination = List.of();
        for (String id : RelevanceEstimators.IDS) {
            RelevanceEstimator estimator = RelevanceEstimators.of(id);
            ClickModelFit fit = estimator.fit(log.sessions(), options);
            models.add(new RecoveryReport.Model(id, agreement(log, fit.pairs(), PairEstimate::relevance,
                    e -> estimator.gradeRule().grade(e.relevance())), fit.iterations(), fit.converged()));
            if (ctr == null) {
                ctr = agreement(log, fit.pairs(), PairEstimate::ctr, null);
            }
            if (id.equals(PbmEstimator.ID)) {
                pbmExamination = fit.positionEffects();
            }
        }
        return new RecoveryReport.Users(log.users().kind(), ctr, models, log.examination(), pbmExamination,
                maxError(log.examination(), pbmExamination));
    }

    private static RecoveryReport.Agreement agreement(SimulatedClickLog log, List<PairEstimate> pairs,
                                                      ToDoubleFunction<PairEstimate> estimate,
                                                      ToIntFunction<PairEstimate> grade) {
        double[] x = new double[pairs.size()];
        double[] truth = new double[pairs.size()];
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            PairEstimate e = pairs.get(i);
            x[i] = estimate.applyAsDouble(e);
            truth[i] = log.grade(e.query(), e.itemId());
            if (grade != null && grade.applyAsInt(e) == truth[i]) {
                same++;
            }
        }
        double agreement = grade == null || x.length == 0 ? Double.NaN : same / (double) x.length;
        return new RecoveryReport.Agreement(x.length, RankCorrelation.spearman(x, truth),
                RankCorrelation.kendallTauB(x, truth), agreement);
    }

    private static double maxError(List<Double> truth, List<Double> fitted) {
        if (truth.isEmpty()) {
            return Double.NaN;
        }
        double max = 0;
        for (int k = 0; k < Math.min(RecoveryReport.BIAS_POSITIONS, Math.min(truth.size(), fitted.size())); k++) {
            max = Math.max(max, Math.abs(truth.get(k) - fitted.get(k)));
        }
        return max;
    }
}
