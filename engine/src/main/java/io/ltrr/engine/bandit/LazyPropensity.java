package io.ltrr.engine.bandit;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Propensities P(a ∈ S | x) of a sampling policy, computed on first read. The computation (an integral over the
 * arms' score distributions, or thousands of Monte Carlo draws) is most of a Thompson round's cost, and only a
 * logged search, an export or an off-policy evaluation reads it; a simulation never does. The estimate draws from its own per-round random stream
 * over a snapshot of the round's posteriors taken at selection, so whenever it is computed — before or after later
 * updates of the policy — it gives the same values as computing it at selection time. An unmodifiable map in the
 * offered arms' order; thread-safe.
 */
final class LazyPropensity extends AbstractMap<String, Double> {
    private final List<String> arms;
    private Supplier<double[]> estimate;
    private volatile Map<String, Double> values;

    LazyPropensity(List<String> arms, Supplier<double[]> estimate) {
        this.arms = List.copyOf(arms);
        this.estimate = estimate;
    }

    /** Whether the estimate has been computed yet (for tests). */
    boolean computed() {
        return values != null;
    }

    private Map<String, Double> estimated() {
        Map<String, Double> v = values;
        if (v == null) {
            synchronized (this) {
                v = values;
                if (v == null) {
                    double[] p = estimate.get();
                    Map<String, Double> m = new LinkedHashMap<>();
                    for (int i = 0; i < arms.size(); i++) {
                        m.put(arms.get(i), p[i]);
                    }
                    v = Collections.unmodifiableMap(Selection.checkPropensities(m));
                    values = v;
                    estimate = null;
                }
            }
        }
        return v;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return estimated().entrySet();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(arms));
    }

    @Override
    public boolean containsKey(Object key) {
        return arms.contains(key);
    }

    @Override
    public Double get(Object key) {
        return estimated().get(key);
    }

    @Override
    public int size() {
        return arms.size();
    }
}
