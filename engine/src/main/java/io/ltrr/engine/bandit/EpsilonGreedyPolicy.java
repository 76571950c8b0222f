package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Context-free ε-greedy ("epsilon-greedy"): with probability ε a uniformly random subset of m arms, otherwise
 * the m arms with the highest empirical mean (arms never pulled first, then ties by arm order). The
 * propensity is the exact mixture P(a ∈ S) = (1 − ε)·[a ∈ greedy set] + ε·m/n.
 */
public final class EpsilonGreedyPolicy extends SeededPolicy<ArmTally> {
    public static final String ID = "epsilon-greedy";
    public static final double DEFAULT_EPSILON = 0.1;

    private final double epsilon;

    public EpsilonGreedyPolicy(long seed) {
        this(seed, DEFAULT_EPSILON);
    }

    /** @param epsilon exploration probability in [0, 1] */
    public EpsilonGreedyPolicy(long seed, double epsilon) {
        super(seed, new ArmTally());
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        double[] greedyScores = new double[n];
        for (int i = 0; i < n; i++) {
            ArmTally.Counts c = learned.get(arms.get(i));
            // An unpulled arm has no empirical mean; trying it once is the cheapest way to get one.
            greedyScores[i] = c.pulls() == 0 ? Double.POSITIVE_INFINITY : c.mean();
        }
        int[] greedy = TopArms.of(greedyScores, m);
        SplittableRandom random = random(round, RoundRandom.DECISION);
        boolean explore = random.nextDouble() < epsilon;
        int[] picked = explore ? TopArms.of(UniformPolicy.randomKeys(n, random), m) : greedy;

        Set<Integer> greedySet = new HashSet<>();
        for (int i : greedy) {
            greedySet.add(i);
        }
        List<String> chosen = new ArrayList<>();
        for (int i : picked) {
            chosen.add(arms.get(i));
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ArmTally.Counts c = learned.get(arms.get(i));
            double p = (1 - epsilon) * (greedySet.contains(i) ? 1 : 0) + epsilon * m / n;
            propensity.put(arms.get(i), Math.min(1.0, p));
            diagnostics.put(arms.get(i), new ArmDiagnostics(c.mean(), c.standardError(), greedyScores[i], c.pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    @Override
    protected void configure(ObjectNode config) {
        config.put("epsilon", epsilon);
    }
}
