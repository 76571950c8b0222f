package io.ltrr.engine.bandit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The no-learning baseline ("uniform"): every round a uniformly random subset of maxArms arms, so
 * P(a ∈ S) = m/n exactly. It still keeps each arm's empirical mean, for the diagnostics and the candidate
 * split, and because its logs are the ideal input for off-policy evaluation.
 */
public final class UniformPolicy extends SeededPolicy<ArmTally> {
    public static final String ID = "uniform";

    public UniformPolicy(long seed) {
        super(seed, new ArmTally());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        double[] keys = randomKeys(arms.size(), random(round, RoundRandom.DECISION));
        List<String> chosen = new ArrayList<>();
        for (int i : TopArms.of(keys, m)) {
            chosen.add(arms.get(i));
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < arms.size(); i++) {
            ArmTally.Counts c = learned.get(arms.get(i));
            propensity.put(arms.get(i), (double) m / arms.size());
            diagnostics.put(arms.get(i), new ArmDiagnostics(c.mean(), c.standardError(), keys[i], c.pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    /** i.i.d. uniform keys: the top m of them form a uniformly random m-subset. */
    static double[] randomKeys(int n, SplittableRandom random) {
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = random.nextDouble();
        }
        return keys;
    }
}
