package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.store.LoggedRound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny contextual Bernoulli semi-bandit with known rates, for validating the estimators (the simulator of
 * branch wt-sim did not compile against this branch's base when this was written). Round t draws a context by
 * frequency and every chosen arm earns 1 with its rate in that context; all draws come from one seeded source.
 */
final class BernoulliWorld {
    /** One context: its name, relative frequency, feature values (after "bias") and rate per arm. */
    record Context(String name, double frequency, double[] features, Map<String, Double> rates) {
    }

    private final List<String> arms;
    private final List<String> featureNames;
    private final List<Context> contexts;
    private final int maxArms;
    private final SplittableRandom random;

    BernoulliWorld(List<String> arms, List<String> featureNames, List<Context> contexts, int maxArms, long seed) {
        this.arms = List.copyOf(arms);
        this.featureNames = List.copyOf(featureNames);
        this.contexts = List.copyOf(contexts);
        this.maxArms = maxArms;
        this.random = new SplittableRandom(seed);
    }

    List<String> featureNames() {
        return featureNames;
    }

    Context context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** Plays {@code n} rounds of the policy (which learns from each) and returns them as a log. */
    List<LoggedRound> log(SelectionPolicy policy, int n) {
        double total = contexts.stream().mapToDouble(Context::frequency).sum();
        List<LoggedRound> log = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double u = random.nextDouble() * total;
            Context c = contexts.getLast();
            for (Context candidate : contexts) {
                if ((u -= candidate.frequency()) < 0) {
                    c = candidate;
                    break;
                }
            }
            double[] v = new double[featureNames.size()];
            v[0] = 1;
            System.arraycopy(c.features(), 0, v, 1, c.features().length);
            ContextVector x = new ContextVector(featureNames, v);
            Selection s = policy.select(x, arms, new SelectionBudget(maxArms, maxArms, 1));
            Map<String, Double> rewards = new LinkedHashMap<>();
            for (String arm : s.chosen()) {
                rewards.put(arm, random.nextDouble() < c.rates().get(arm) ? 1.0 : 0.0);
            }
            policy.update(x, new LinkedHashSet<>(s.chosen()), rewards);
            log.add(new LoggedRound("s-" + (t + 1), Instant.EPOCH.plusSeconds(t), c.name(), "", "", x, s.policyId(),
                    arms, s.propensity(), s.chosen(), rewards, 1, List.of()));
        }
        return log;
    }
}
