package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline "no routing: fuse everything" ({@code fused:RANKER}), for leaderboards: every arm that can read the
 * query, each with an equal share of the round's K candidates, ranked by the named ranker of {@link SimRankers}
 * (the world is made with that ranker, see {@link SimulationPolicies#rankerOf}). Per-query routing is known to lose
 * to plain fusion in some settings, so a learned policy should be shown beside it. It ignores the budget's
 * maximum arms per round on purpose (that is what it stands for) but not its K. Every arm gets the same mean in the
 * diagnostics, so a mean-weighted RRF fuses them unweighted. It learns nothing.
 */
public final class FusedArmsPolicy implements SelectionPolicy {
    /** Policy ids of the form {@code fused:RANKER}. */
    public static final String PREFIX = "fused:";

    private final String ranker;
    private long round;

    public FusedArmsPolicy(String ranker) {
        if (ranker == null || ranker.isBlank()) {
            throw new IllegalArgumentException("ranker must not be blank");
        }
        this.ranker = ranker;
    }

    @Override
    public String id() {
        return PREFIX + ranker;
    }

    @Override
    public long round() {
        return round;
    }

    @Override
    public Selection select(ContextVector x, List<String> arms, SelectionBudget budget) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("policy " + id() + ": no arm offered");
        }
        int n = arms.size();
        int each = budget.totalCandidates() / n;
        int extra = budget.totalCandidates() % n;
        Map<String, Integer> candidates = new LinkedHashMap<>();
        Map<String, Double> propensity = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String a = arms.get(i);
            candidates.put(a, Math.max(1, each + (i < extra ? 1 : 0)));
            propensity.put(a, 1.0);
            diagnostics.put(a, new ArmDiagnostics(1, 0, 1, 0));
        }
        return new Selection(id(), round++, new ArrayList<>(arms), candidates, propensity, diagnostics);
    }

    @Override
    public void update(ContextVector x, Set<String> chosen, Map<String, Double> rewards) {
        // a baseline: nothing to learn
    }

    @Override
    public String snapshot() {
        return String.format(Locale.ROOT, "{\"policy\":\"%s\",\"round\":%d}", id(), round);
    }

    @Override
    public void restore(String snapshot) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot);
            if (!id().equals(node.path("policy").asText())) {
                throw new IllegalArgumentException("snapshot is of policy '" + node.path("policy").asText()
                        + "', not '" + id() + "'");
            }
            round = node.path("round").asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a policy snapshot (invalid JSON): " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void reset() {
        round = 0;
    }
}
