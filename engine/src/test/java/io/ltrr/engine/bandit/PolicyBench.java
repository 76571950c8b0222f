package io.ltrr.engine.bandit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Manual benchmark (not a test): CPU time of one select + update per policy with 8 arms, 40 context features,
 * maxArms 3; the Thompson policies with integrated and with Monte Carlo propensities (default draws). Run:
 * {@code java -cp <test classpath> io.ltrr.engine.bandit.PolicyBench [POLICY_ID…]}. Thread CPU time is printed because it does not depend on other load.
 */
public final class PolicyBench {
    private static final int ARMS = 8;
    private static final int FEATURES = 40;

    private PolicyBench() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        names.add("bias");
        for (int i = 1; i < FEATURES; i++) {
            names.add("x" + i);
        }
        List<String> arms = new ArrayList<>();
        for (int a = 0; a < ARMS; a++) {
            arms.add("arm" + a);
        }
        PolicyRegistry registry = PolicyRegistry.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> only = List.of(args);
        for (String id : registry.ids()) {
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            List<String> methods = registry.entry(id).knobs().contains("propensity")
                    ? List.of("integral", "montecarlo") : List.of("");
            for (String method : methods) {
            for (boolean read : new boolean[] {true, false}) {
                SelectionPolicy policy = registry.create(id, 1, names, method.isEmpty() ? PolicyOptions.none()
                        : new PolicyOptions(Map.of("propensity", method)));
                SplittableRandom random = new SplittableRandom(2);
                play(policy, names, arms, random, 2_000, read);
                int rounds = 3_000;
                long c0 = threads.getCurrentThreadCpuTime();
                play(policy, names, arms, random, rounds, read);
                double us = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / rounds;
                System.out.printf("%-16s %-10s %8.1f µs cpu per select+update (%d arms, %d features), propensities %s%n",
                        id, method, us, ARMS, FEATURES, read ? "read (as a logged search does)" : "not read (as a simulation)");
            }
            }
        }
    }

    private static void play(SelectionPolicy policy, List<String> names, List<String> arms, SplittableRandom random,
                             int rounds, boolean readPropensities) {
        SelectionBudget budget = SelectionBudget.defaults();
        for (int t = 0; t < rounds; t++) {
            double[] x = new double[FEATURES];
            x[0] = 1;
            for (int i = 1; i < FEATURES; i++) {
                x[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
            }
            ContextVector context = new ContextVector(names, x);
            Selection s = policy.select(context, arms, budget);
            if (readPropensities) {
                s.propensity().values().forEach(p -> { });
            }
            Map<String, Double> rewards = new HashMap<>();
            s.chosen().forEach(a -> rewards.put(a, random.nextDouble() < 0.3 ? 1.0 : 0.0));
            policy.update(context, s.candidates().keySet(), rewards);
        }
    }
}
