package io.ltrr.engine.bandit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy's decision for one round.
 *
 * @param policyId    the policy that decided
 * @param round       0-based round number of that policy
 * @param chosen      the chosen arms S, best first
 * @param candidates  k_a for every chosen arm (Σ ≤ K, each ≥ the budget's floor)
 * @param propensity  P(a ∈ S | x) for every arm offered (chosen or not), in [0, 1]
 * @param diagnostics per-arm diagnostics for every arm offered
 */
public record Selection(String policyId, long round, List<String> chosen, Map<String, Integer> candidates,
                        Map<String, Double> propensity, Map<String, ArmDiagnostics> diagnostics) {
    public Selection {
        chosen = List.copyOf(chosen);
        candidates = Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
        // A sampling policy's Monte Carlo estimate is computed on first read (and checked then).
        propensity = propensity instanceof LazyPropensity lazy ? lazy
                : Collections.unmodifiableMap(checkPropensities(new LinkedHashMap<>(propensity)));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        if (!candidates.keySet().equals(new java.util.HashSet<>(chosen))) {
            throw new IllegalArgumentException("candidates must be given for exactly the chosen arms");
        }
    }

    static <M extends Map<String, Double>> M checkPropensities(M propensity) {
        for (var e : propensity.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("propensity of '" + e.getKey() + "' must be in [0, 1], was "
                        + e.getValue());
            }
        }
        return propensity;
    }

    public boolean isChosen(String arm) {
        return candidates.containsKey(arm);
    }
}
