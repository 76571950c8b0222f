package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * ε-greedy on empirical means: with probability ε a uniformly random subset of m arms, otherwise the m arms with
 * the highest empirical mean (arms never pulled first, then ties by arm order). The propensity is the exact
 * mixture P(a ∈ S) = (1 − ε)·[a ∈ greedy set] + ε·m/n.
 *
 * <p>Two forms: "epsilon-greedy" keeps its means per context bucket (the declared features of a
 * {@link ContextBucketing}, by default the live context's discrete ones), "epsilon-greedy-global" one set of means
 * for every context (what "epsilon-greedy" was before issue 23; its snapshots still restore, see
 * {@link SeededPolicy#restore}).
 */
public final class EpsilonGreedyPolicy extends SeededPolicy<ArmCounts> {
    public static final String ID = "epsilon-greedy";
    public static final String GLOBAL_ID = "epsilon-greedy-global";
    public static final double DEFAULT_EPSILON = 0.1;

    private final double epsilon;
    private final ContextBucketing bucketing;

    /** Context-free, ε = {@value #DEFAULT_EPSILON}. */
    public EpsilonGreedyPolicy(long seed) {
        this(seed, DEFAULT_EPSILON);
    }

    /**
     * Context-free ("epsilon-greedy-global").
     *
     * @param epsilon exploration probability in [0, 1]
     */
    public EpsilonGreedyPolicy(long seed, double epsilon) {
        this(seed, epsilon, null);
    }

    /**
     * @param epsilon   exploration probability in [0, 1]
     * @param bucketing the context buckets ("epsilon-greedy"), or null for one set of means ("epsilon-greedy-global")
     */
    public EpsilonGreedyPolicy(long seed, double epsilon, ContextBucketing bucketing) {
        super(seed, bucketing == null ? new ArmTally() : new BucketTallies(bucketing));
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], was " + epsilon);
        }
        this.epsilon = epsilon;
        this.bucketing = bucketing;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String id() {
        return bucketing == null ? GLOBAL_ID : ID;
    }

    @Override
    public List<String> contextFeatures() {
        return bucketing == null ? List.of() : bucketing.features();
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        ArmTally.Counts[] counts = new ArmTally.Counts[n];
        double[] greedyScores = new double[n];
        for (int i = 0; i < n; i++) {
            counts[i] = learned.get(x, arms.get(i));
            // An unpulled arm has no empirical mean; trying it once is the cheapest way to get one.
            greedyScores[i] = counts[i].pulls() == 0 ? Double.POSITIVE_INFINITY : counts[i].mean();
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
            ArmTally.Counts c = counts[i];
            double p = (1 - epsilon) * (greedySet.contains(i) ? 1 : 0) + epsilon * m / n;
            propensity.put(arms.get(i), Math.min(1.0, p));
            diagnostics.put(arms.get(i), new ArmDiagnostics(c.mean(), c.standardError(), greedyScores[i], c.pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    /**
     * A snapshot of the context-free form this id had before issue 23 (no "bucketing" in its configuration) cannot
     * carry over: its counts are not split by context.
     *
     * @throws EarlierSnapshotException for such a snapshot restored into the per-context form
     */
    @Override
    protected boolean continuesEarlierConfig(JsonNode stored) {
        if (bucketing != null && !stored.has("bucketing") && stored.path("epsilon").asDouble() == epsilon) {
            throw new EarlierSnapshotException("snapshot of '" + ID + "' holds the context-free counts of its form "
                    + "before issue 23 (now '" + GLOBAL_ID + "'); they cannot be split by context");
        }
        return false;
    }

    @Override
    protected void configure(ObjectNode config) {
        config.put("epsilon", epsilon);
        if (bucketing != null) {
            putBucketing(config, bucketing);
        }
    }
}
