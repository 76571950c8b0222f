package io.ltrr.engine.bandit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Context-free UCB1 ("ucb1"): the m arms with the highest bound mean + sqrt(2 ln N / n_a), where n_a is the
 * arm's pulls and N the pulls of all offered arms together (with semi-bandit feedback every chosen arm's
 * reward is one observation). Arms never pulled have an infinite bound and come first; ties go by arm order.
 * The decision is deterministic, so the propensity is 1 for chosen arms and 0 for the others.
 */
public final class Ucb1Policy extends SeededPolicy<ArmTally> {
    public static final String ID = "ucb1";

    public Ucb1Policy(long seed) {
        super(seed, new ArmTally());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        double logTotal = Math.log(Math.max(1, learned.totalPulls(arms)));
        double[] widths = new double[n];
        double[] bounds = new double[n];
        for (int i = 0; i < n; i++) {
            ArmTally.Counts c = learned.get(arms.get(i));
            widths[i] = c.pulls() == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(2 * logTotal / c.pulls());
            bounds[i] = c.mean() + widths[i];
        }
        List<String> chosen = new ArrayList<>();
        for (int i : TopArms.of(bounds, m)) {
            chosen.add(arms.get(i));
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ArmTally.Counts c = learned.get(arms.get(i));
            propensity.put(arms.get(i), chosen.contains(arms.get(i)) ? 1.0 : 0.0);
            diagnostics.put(arms.get(i), new ArmDiagnostics(c.mean(), widths[i], bounds[i], c.pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }
}
