package io.ltrr.engine.bench;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One select + update of each policy: 8 arms, 40 context features, 3 arms chosen of K = 100; with and without
 * reading the propensities (the Thompson policies estimate them on first read).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PolicyJmh {
    @Param({"uniform", "epsilon-greedy", "ucb1", "thompson", "linucb", "linear-thompson"})
    String policyId;

    /** true: the propensities are read each round, as a logged search does; false: as a simulation (never read). */
    @Param({"true", "false"})
    boolean readPropensities;

    /** How the Thompson policies compute propensities (ignored by the others): integral, or montecarlo as before. */
    @Param({"integral", "montecarlo"})
    String propensity;

    private SelectionPolicy policy;
    private final List<ContextVector> contexts = new ArrayList<>();
    private final List<String> arms = new ArrayList<>();
    private final SelectionBudget budget = SelectionBudget.defaults();
    private final SplittableRandom random = new SplittableRandom(1);
    private int next;

    @Setup
    public void setUp() {
        List<String> names = new ArrayList<>();
        names.add("bias");
        for (int i = 1; i < 40; i++) {
            names.add(i % 10 == 0 ? "bucket.f" + i : "f" + i);
        }
        for (int a = 0; a < 8; a++) {
            arms.add("arm" + a);
        }
        for (int c = 0; c < 256; c++) {
            double[] v = new double[40];
            v[0] = 1;
            for (int i = 1; i < 40; i++) {
                v[i] = i % 10 == 0 ? random.nextInt(2) : random.nextDouble(-1, 1);
            }
            contexts.add(new ContextVector(names, v));
        }
        PolicyOptions options = policyId.contains("thompson")
                ? new PolicyOptions(Map.of("propensity", propensity)) : PolicyOptions.none();
        policy = PolicyRegistry.standard().create(policyId, 42, names, options);
    }

    @Benchmark
    public Selection selectAndUpdate() {
        ContextVector x = contexts.get(next++ & 255);
        Selection s = policy.select(x, arms, budget);
        if (readPropensities) {
            s.propensity().get(arms.getFirst());
        }
        Map<String, Double> rewards = new HashMap<>();
        for (String arm : s.chosen()) {
            rewards.put(arm, random.nextInt(4) == 0 ? 1.0 : 0.0);
        }
        policy.update(x, java.util.Set.copyOf(s.chosen()), rewards);
        return s;
    }
}
