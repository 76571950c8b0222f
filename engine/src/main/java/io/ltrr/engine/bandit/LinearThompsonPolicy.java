package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Linear Thompson sampling ("linear-thompson", Agrawal and Goyal 2013) with disjoint per-arm ridge models: a
 * round samples θ̃_a ~ N(θ̂_a, v²A_a⁻¹) for every offered arm (θ̂_a + v·L_a z with L_a the Cholesky factor of
 * A_a⁻¹, z standard normal) and chooses the m arms with the highest θ̃_a·x.
 *
 * <p>Propensities: only θ̃_a·x matters for the choice, and it is exactly N(θ̂_a·x, v²·|L_aᵀx|²), independent
 * across arms. The Monte Carlo estimate therefore draws these scalars (one normal per arm and draw, with
 * |L_aᵀx| from the same per-round factor) instead of d-dimensional vectors: same distribution, d times cheaper.
 */
public final class LinearThompsonPolicy extends SeededPolicy {
    public static final String ID = "linear-thompson";
    /** Rewards in [0, 1] are 1/2-sub-Gaussian, so v = 1/2 makes the sampling spread match the noise. */
    public static final double DEFAULT_V = 0.5;
    public static final int DEFAULT_DRAWS = 2_000;

    private final double v;
    private final int draws;
    private final LinearArms models;

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
        super(seed);
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("v must be >= 0, was " + v);
        }
        this.v = v;
        this.draws = MonteCarloPropensity.checkDraws(draws);
        this.models = new LinearArms(featureNames, lambda);
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
            LinearArmModel model = models.model(arms.get(i));
            double[] theta = model.theta();
            DMatrixRMaj factor = model.inverseFactor(LinearThompsonPolicy::cholesky);
            means[i] = LinearArmModel.dot(theta, xs);
            spreads[i] = v * norm(transposeTimes(factor, xs));
            sampled[i] = LinearArmModel.dot(sampleTheta(theta, factor, random), xs);
        }
        int[] top = TopArms.of(sampled, m);
        MonteCarloPropensity.ScoreSampler sampler = (r, scores) -> {
            for (int i = 0; i < n; i++) {
                scores[i] = means[i] + spreads[i] * r.nextGaussian();
            }
        };
        SplittableRandom propensityRandom = random(round, RoundRandom.PROPENSITY);
        // means and spreads are this round's own arrays, so the estimate is the same whenever it runs
        Map<String, Double> propensity = new LazyPropensity(arms,
                () -> MonteCarloPropensity.estimate(n, m, draws, sampler, propensityRandom, top));

        List<String> chosen = new ArrayList<>();
        for (int i : top) {
            chosen.add(arms.get(i));
        }
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            diagnostics.put(arms.get(i), new ArmDiagnostics(means[i], spreads[i], sampled[i],
                    models.model(arms.get(i)).pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    /** θ̃ = θ̂ + v·L z. */
    private double[] sampleTheta(double[] theta, DMatrixRMaj factor, SplittableRandom random) {
        int d = theta.length;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) {
            z[j] = random.nextGaussian();
        }
        double[] sample = theta.clone();
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += factor.unsafe_get(i, j) * z[j];
            }
            sample[i] += v * s;
        }
        return sample;
    }

    /**
     * Lower Cholesky factor of A⁻¹. Sherman–Morrison keeps A⁻¹ positive definite in exact arithmetic; should
     * rounding break that after very many updates, a tiny diagonal jitter restores it.
     */
    private static DMatrixRMaj cholesky(DMatrixRMaj inverse) {
        for (double jitter = 0; jitter <= 1e-6; jitter = jitter == 0 ? 1e-12 : jitter * 100) {
            DMatrixRMaj a = inverse.copy();
            for (int i = 0; i < a.numRows; i++) {
                a.add(i, i, jitter);
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(a.numRows, true);
            if (chol.decompose(a)) {
                return chol.getT(null);
            }
        }
        throw new IllegalStateException("A⁻¹ of a linear Thompson arm is not positive definite");
    }

    private static double[] transposeTimes(DMatrixRMaj lower, double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int i = j; i < d; i++) {
                s += lower.unsafe_get(i, j) * x[i];
            }
            w[j] = s;
        }
        return w;
    }

    private static double norm(double[] w) {
        return Math.sqrt(LinearArmModel.dot(w, w));
    }

    @Override
    protected void checkContext(ContextVector x) {
        models.check(x);
    }

    @Override
    protected void learn(ContextVector x, String arm, double reward) {
        models.learn(x, arm, reward);
    }

    @Override
    protected ObjectNode config() {
        ObjectNode config = JSON.createObjectNode().put("v", v).put("draws", draws);
        models.addConfig(config);
        return config;
    }

    @Override
    protected JsonNode state() {
        return models.toJson(JSON);
    }

    @Override
    protected void restoreState(JsonNode state) throws JsonProcessingException {
        models.restore(JSON, state);
    }

    @Override
    protected void clear() {
        models.clear();
    }
}
