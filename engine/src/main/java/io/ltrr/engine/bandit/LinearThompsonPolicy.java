package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Linear Thompson sampling ("linear-thompson", Agrawal and Goyal 2013) with disjoint per-arm ridge models: a
 * round samples θ̃_a ~ N(θ̂_a, v²A_a⁻¹) for every offered arm and chooses the m arms with the highest θ̃_a·x.
 *
 * <p>Only θ̃_a·x matters for the choice, and it is exactly N(θ̂_a·x, v²·xᵀA_a⁻¹x), independent across arms (each
 * arm has its own model). A round therefore draws these scalars, θ̂_a·x + v·√(xᵀA_a⁻¹x)·z_a with one standard
 * normal z_a per arm, from u_a = A_a⁻¹x (one O(d²) product, as LinUCB makes): the same distribution of choices as
 * drawing the d-dimensional θ̃_a through a Cholesky factor of A_a⁻¹, without the O(d³) factorization. The
 * propensities are integrated over these independent Gaussians ({@link TopMembership}); with
 * {@link PropensityMethod#MONTE_CARLO} (and with v = 0, where the choice is deterministic) the Monte Carlo estimate
 * draws the same scalars.
 */
public final class LinearThompsonPolicy extends SeededPolicy<LinearArms> {
    public static final String ID = "linear-thompson";
    /** Rewards in [0, 1] are 1/2-sub-Gaussian, so v = 1/2 makes the sampling spread match the noise. */
    public static final double DEFAULT_V = 0.5;
    public static final int DEFAULT_DRAWS = 2_000;

    private final double v;
    private final int draws;
    private final PropensityMethod propensity;

    public LinearThompsonPolicy(long seed, List<String> featureNames) {
        this(seed, featureNames, DEFAULT_V, LinUcbPolicy.DEFAULT_LAMBDA, DEFAULT_DRAWS);
    }

    /**
     * @param featureNames the names of the context features, in the order of every context vector
     * @param v            scale of the posterior sampling, >= 0
     * @param lambda       ridge regularization (prior precision), > 0
     * @param draws        Monte Carlo draws per round for the propensities, at least 1,000
     */
    public LinearThompsonPolicy(long seed, List<String> featureNames, double v, double lambda, int draws) {
        this(seed, featureNames, v, lambda, draws, PropensityMethod.INTEGRAL);
    }

    /**
     * @param propensity how the logged propensities are computed (not part of the snapshot's configuration: it
     *                   changes no decision and nothing learned)
     */
    public LinearThompsonPolicy(long seed, List<String> featureNames, double v, double lambda, int draws,
                                PropensityMethod propensity) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("v must be >= 0, was " + v);
        }
        super(seed, new LinearArms(featureNames, lambda));
        this.v = v;
        this.draws = MonteCarloPropensity.checkDraws(draws);
        this.propensity = java.util.Objects.requireNonNull(propensity, "propensity");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        double[] xs = x.values();
        double[] means = new double[n];
        double[] spreads = new double[n];
        double[] sampled = new double[n];
        SplittableRandom random = random(round, RoundRandom.DECISION);
        for (int i = 0; i < n; i++) {
            LinearArmModel model = learned.model(arms.get(i));
            double[] u = model.inverseTimes(xs);
            means[i] = model.mean(u);
            spreads[i] = v * Math.sqrt(LinearArmModel.variance(xs, u));
            sampled[i] = means[i] + spreads[i] * random.nextGaussian();
        }
        int[] top = TopArms.of(sampled, m);
        MonteCarloPropensity.ScoreSampler sampler = (r, scores) -> {
            for (int i = 0; i < n; i++) {
                scores[i] = means[i] + spreads[i] * r.nextGaussian();
            }
        };
        SplittableRandom propensityRandom = random(round, RoundRandom.PROPENSITY);
        // means and spreads are this round's own arrays, so the estimate is the same whenever it runs
        Map<String, Double> propensity = new LazyPropensity(arms, () -> integrable(spreads)
                ? TopMembership.propensities(tables(means, spreads), m, top)
                : MonteCarloPropensity.estimate(n, m, draws, sampler, propensityRandom, top));

        List<String> chosen = new ArrayList<>();
        for (int i : top) {
            chosen.add(arms.get(i));
        }
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            diagnostics.put(arms.get(i), new ArmDiagnostics(means[i], spreads[i], sampled[i],
                    learned.model(arms.get(i)).pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    /** Whether the propensities are integrated: asked for, and every score has a spread (v = 0 has none). */
    private boolean integrable(double[] spreads) {
        if (propensity != PropensityMethod.INTEGRAL) {
            return false;
        }
        for (double s : spreads) {
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
        }
        return true;
    }

    private static ScoreTable[] tables(double[] means, double[] spreads) {
        ScoreTable[] tables = new ScoreTable[means.length];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = ScoreTable.gaussian(means[i], spreads[i], TopMembership.PANELS);
        }
        return tables;
    }

    @Override
    protected void configure(ObjectNode config) {
        config.put("v", v).put("draws", draws);
    }
}
