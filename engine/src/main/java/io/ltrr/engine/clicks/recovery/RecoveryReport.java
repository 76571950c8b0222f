package io.ltrr.engine.clicks.recovery;

import java.util.List;

/**
 * How well the click models recover a simulated log's known relevance, per kind of simulated user.
 *
 * @param setup          the simulated log's setup
 * @param minImpressions pairs shown fewer times are left out of the figures (as of the judgments)
 * @param users          one entry per kind of user (cascade, position-based)
 */
public record RecoveryReport(ClickLogSetup setup, int minImpressions, List<Users> users) {
    /** Top positions over which the examination probabilities' error is reported. */
    public static final int BIAS_POSITIONS = 5;

    public RecoveryReport {
        users = List.copyOf(users);
    }

    /**
     * The figures for one kind of simulated user.
     *
     * @param clickModel      the simulator's click model (cascade, pbm)
     * @param ctr             the naive baseline: the raw click-through rate against the truth, over the same pairs
     * @param models          each estimator against the truth
     * @param trueExamination the users' examination probability per position, 1 first (empty for cascade users)
     * @param pbmExamination  the PBM fit's θ_k / θ_1 per position
     * @param biasMaxError    max |fitted − true| examination over positions 1 to {@value #BIAS_POSITIONS}; NaN
     *                        without a true examination
     */
    public record Users(String clickModel, Agreement ctr, List<Model> models, List<Double> trueExamination,
                        List<Double> pbmExamination, double biasMaxError) {
        public Users {
            models = List.copyOf(models);
            trueExamination = List.copyOf(trueExamination);
            pbmExamination = List.copyOf(pbmExamination);
        }
    }

    /**
     * One estimator's recovery.
     *
     * @param model      the estimator's id
     * @param agreement  its estimates and grades against the truth
     * @param iterations EM iterations (0: closed form)
     * @param converged  whether EM converged within its cap
     */
    public record Model(String model, Agreement agreement, int iterations, boolean converged) {
    }

    /**
     * Estimates against the true grades over the pairs shown at least the minimum number of times.
     *
     * @param pairs          the pairs compared
     * @param spearman       Spearman's ρ of estimate and true grade (ties: mean ranks)
     * @param kendall        Kendall's τ-b of estimate and true grade
     * @param gradeAgreement share of pairs whose derived grade equals the true grade (NaN for the CTR baseline,
     *                       which has no grade rule)
     */
    public record Agreement(int pairs, double spearman, double kendall, double gradeAgreement) {
    }
}
