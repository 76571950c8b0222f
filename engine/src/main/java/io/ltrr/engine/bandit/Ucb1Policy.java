package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UCB1: the m arms with the highest bound mean + sqrt(2 ln N / n_a), where n_a is the arm's pulls and N the pulls
 * of all offered arms together (with semi-bandit feedback every chosen arm's reward is one observation). Arms never
 * pulled have an infinite bound and come first; ties go by arm order. The decision is deterministic, so the
 * propensity is 1 for chosen arms and 0 for the others.
 *
 * <p>Two forms: "ucb1" keeps its counts (and N) per context bucket (the declared features of a
 * {@link ContextBucketing}), "ucb1-global" one set for every context (what "ucb1" was before issue 23).
 */
public final class Ucb1Policy extends SeededPolicy<ArmCounts> {
    public static final String ID = "ucb1";
    public static final String GLOBAL_ID = "ucb1-global";

    private final ContextBucketing bucketing;

    /** Context-free ("ucb1-global"). */
    public Ucb1Policy(long seed) {
        this(seed, null);
    }

    /** @param bucketing the context buckets ("ucb1"), or null for one set of counts ("ucb1-global") */
    public Ucb1Policy(long seed, ContextBucketing bucketing) {
        super(seed, bucketing == null ? new ArmTally() : new BucketTallies(bucketing));
        this.bucketing = bucketing;
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
        double logTotal = Math.log(Math.max(1, learned.totalPulls(x, arms)));
        ArmTally.Counts[] counts = new ArmTally.Counts[n];
        double[] widths = new double[n];
        double[] bounds = new double[n];
        for (int i = 0; i < n; i++) {
            counts[i] = learned.get(x, arms.get(i));
            widths[i] = counts[i].pulls() == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(2 * logTotal / counts[i].pulls());
            bounds[i] = counts[i].mean() + widths[i];
        }
        List<String> chosen = new ArrayList<>();
        for (int i : TopArms.of(bounds, m)) {
            chosen.add(arms.get(i));
        }
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            propensity.put(arms.get(i), chosen.contains(arms.get(i)) ? 1.0 : 0.0);
            diagnostics.put(arms.get(i), new ArmDiagnostics(counts[i].mean(), widths[i], bounds[i], counts[i].pulls()));
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
        if (bucketing != null && !stored.has("bucketing") ) {
            throw new EarlierSnapshotException("snapshot of '" + ID + "' holds the context-free counts of its form "
                    + "before issue 23 (now '" + GLOBAL_ID + "'); they cannot be split by context");
        }
        return false;
    }

    @Override
    protected void configure(ObjectNode config) {
        if (bucketing != null) {
            putBucketing(config, bucketing);
        }
    }
}
