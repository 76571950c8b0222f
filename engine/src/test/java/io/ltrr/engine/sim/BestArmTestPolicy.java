package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.ArmDiagnostics;
import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A test policy that is told the right arms for each context: an oracle, so its regret must be 0. */
final class BestArmTestPolicy implements SelectionPolicy {
    private final Function<ContextVector, List<String>> best;
    private long round;

    @Override
    public long round() {
        return round;
    }

    BestArmTestPolicy(Function<ContextVector, List<String>> best) {
        this.best = best;
    }

    @Override
    public String id() {
        return "test-best";
    }

    @Override
    public Selection select(ContextVector x, List<String> arms, SelectionBudget budget) {
        List<String> chosen = best.apply(x).subList(0, budget.maxArms());
        Map<String, Integer> k = new LinkedHashMap<>();
        chosen.forEach(a -> k.put(a, budget.totalCandidates() / chosen.size()));
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, ArmDiagnostics> d = new LinkedHashMap<>();
        arms.forEach(a -> {
            p.put(a, chosen.contains(a) ? 1.0 : 0.0);
            d.put(a, new ArmDiagnostics(0, 0, 0, 0));
        });
        return new Selection(id(), round++, chosen, k, p, d);
    }

    @Override
    public void update(ContextVector x, Set<String> chosen, Map<String, Double> rewards) {
    }

    @Override
    public String snapshot() {
        return "{}";
    }

    @Override
    public void restore(String snapshot) {
    }

    @Override
    public void reset() {
        round = 0;
    }
}
