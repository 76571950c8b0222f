package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disjoint LinUCB ("linucb", Li et al. 2010): per arm a ridge regression θ̂_a = A_a⁻¹b_a, and the m arms with
 * the highest bound θ̂_a·x + α·sqrt(xᵀA_a⁻¹x). Ties (e.g. all arms at the prior) go by arm order, so the
 * decision is deterministic and the propensity is 1 for chosen arms, 0 for the others.
 */
public final class LinUcbPolicy extends SeededPolicy<LinearArms> {
    public static final String ID = "linucb";
    public static final double DEFAULT_ALPHA = 1.0;
    public static final double DEFAULT_LAMBDA = 1.0;

    private final double alpha;

    public LinUcbPolicy(long seed, List<String> featureNames) {
        this(seed, featureNames, DEFAULT_ALPHA, DEFAULT_LAMBDA);
    }

    /**
     * @param featureNames the names of the context features, in the order of every context vector
     * @param alpha        width of the confidence bound, >= 0
     * @param lambda       ridge regularization (prior precision), > 0
     */
    public LinUcbPolicy(long seed, List<String> featureNames, double alpha, double lambda) {
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be >= 0, was " + alpha);
        }
        super(seed, new LinearArms(featureNames, lambda));
        this.alpha = alpha;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        double[] xs = x.values();
        double[] bounds = new double[n];
        ArmDiagnostics[] diag = new ArmDiagnostics[n];
        for (int i = 0; i < n; i++) {
            LinearArmModel model = learned.model(arms.get(i));
            double[] u = model.inverseTimes(xs);
            double mean = model.mean(u);
            double width = alpha * Math.sqrt(LinearArmModel.variance(xs, u));
            bounds[i] = mean + width;
            diag[i] = new ArmDiagnostics(mean, width, bounds[i], model.pulls());
        }
        List<String> chosen = new ArrayList<>();
        for (int i : TopArms.of(bounds, m)) {
            chosen.add(arms.get(i));
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            propensity.put(arms.get(i), chosen.contains(arms.get(i)) ? 1.0 : 0.0);
            diagnostics.put(arms.get(i), diag[i]);
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    @Override
    protected void configure(ObjectNode config) {
        config.put("alpha", alpha);
    }
}
