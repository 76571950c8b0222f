package io.ltrr.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A contextual Bernoulli bandit without a catalog: contexts with their frequencies, each a set of named
 * features and a reward rate per arm. With {@code maxArms} = 1 it is a plain contextual bandit; with more, each
 * chosen arm draws its own Bernoulli reward (semi-bandit). Regret is exact: o_a is the rate itself.
 *
 * <p>JSON form (see resources/engine/scenarios/README.md):
 * <pre>
 * {"kind": "synthetic", "description": "…", "arms": ["a", "b"], "max_arms": 1,
 *  "contexts": [{"name": "voice", "frequency": 0.3, "features": {"bucket.device.voice": 1},
 *                "rates": {"a": 0.7, "b": 0.2}}, …]}
 * </pre>
 *
 * @param description one line for people
 * @param arms        the arm ids, in order
 * @param maxArms     arms chosen per round at most
 * @param contexts    the contexts; frequencies are relative weights (they need not sum to 1)
 */
public record SyntheticScenario(String description, List<String> arms, int maxArms, List<Context> contexts)
        implements Scenario {

    /**
     * One context.
     *
     * @param name      shown in outputs
     * @param frequency relative weight (> 0)
     * @param features  feature name → value in [−1, 1]
     * @param rates     arm → Bernoulli reward rate in [0, 1], for every arm
     */
    public record Context(String name, double frequency, Map<String, Double> features, Map<String, Double> rates) {
        public Context {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("contexts[].name must not be blank");
            }
            if (!(frequency > 0) || !Double.isFinite(frequency)) {
                throw new IllegalArgumentException("contexts[" + name + "].frequency must be > 0, was " + frequency);
            }
            features = new LinkedHashMap<>(features);
            features.forEach((f, v) -> {
                if (!(v >= -1 && v <= 1)) {
                    throw new IllegalArgumentException("contexts[" + name + "].features." + f
                            + " must be in [-1, 1], was " + v);
                }
            });
            features = java.util.Collections.unmodifiableMap(features);
            rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
            rates.forEach((a, r) -> {
                if (!(r >= 0 && r <= 1)) {
                    throw new IllegalArgumentException("contexts[" + name + "].rates." + a + " must be in [0, 1], was " + r);
                }
            });
        }
    }

    public SyntheticScenario {
        description = description == null ? "" : description;
        arms = List.copyOf(arms);
        contexts = List.copyOf(contexts);
        if (arms.isEmpty() || new TreeSet<>(arms).size() != arms.size()) {
            throw new IllegalArgumentException("arms must be a non-empty list of distinct ids, was " + arms);
        }
        if (maxArms < 1 || maxArms > arms.size()) {
            throw new IllegalArgumentException("max_arms must be in [1, " + arms.size() + "], was " + maxArms);
        }
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("contexts must not be empty");
        }
        for (Context c : contexts) {
            if (!c.rates().keySet().equals(new java.util.HashSet<>(arms))) {
                throw new IllegalArgumentException("contexts[" + c.name() + "].rates must give exactly the arms " + arms
                        + ", gave " + c.rates().keySet());
            }
        }
    }

    @Override
    public String kind() {
        return "synthetic";
    }

    /** "bias" followed by every feature any context names, sorted. */
    public List<String> featureNames() {
        TreeSet<String> names = new TreeSet<>();
        contexts.forEach(c -> names.addAll(c.features().keySet()));
        names.remove("bias");
        List<String> out = new ArrayList<>();
        out.add("bias");
        out.addAll(names);
        return out;
    }

    /** The same scenario with another maximum number of arms per round. */
    public SyntheticScenario withMaxArms(int m) {
        return new SyntheticScenario(description, arms, m, contexts);
    }

    /**
     * The expected per-round regret of always choosing {@code chosen[c]} in context c (arms by name): a
     * hand-checkable yardstick, Σ_c p_c (best-|S| rates − chosen rates).
     */
    public double expectedRegret(Map<String, List<String>> chosenByContext) {
        double total = 0;
        for (Context c : contexts) {
            total += c.frequency();
        }
        double regret = 0;
        for (Context c : contexts) {
            List<String> chosen = chosenByContext.get(c.name());
            double[] o = new double[arms.size()];
            boolean[] s = new boolean[arms.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = c.rates().get(arms.get(i));
                s[i] = chosen.contains(arms.get(i));
            }
            regret += c.frequency() / total * Regret.of(o, s);
        }
        return regret;
    }
}
