package io.ltrr.engine.sim;

import java.util.Locale;

/**
 * Throughput of the catalog simulation (not a test: speed lives in benchmarks). Run its main with the
 * engine's test classpath: args SCENARIO ROUNDS [ARM,ARM,…]. Prints wall-clock and CPU-time rounds per second
 * (CPU time is the fairer figure on a shared machine).
 */
final class SimulationBench {
    private SimulationBench() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        CatalogSimulation sim = SampleCatalogWorld.simulation();
        System.out.printf(Locale.ROOT, "setup (index + tagger + predictions): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        MusicScenario scenario0 = (MusicScenario) Scenarios.load(args.length > 0 ? args[0] : "music-default");
        MusicScenario scenario = scenario0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        if (args.length > 2) {
            scenario = scenario.withArms(java.util.List.of(args[2].split(",")));
        }
        for (String policy : new String[] {"fixed:bm25", "thompson", "linucb"}) {
            long w = System.nanoTime();
            CatalogWorld world = sim.world(scenario, 1);
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            SimulationMetrics m = new Simulator(world).run(SimulationPolicies.create(policy, 1, world.featureNames()),
                    rounds);
            double secs = (System.nanoTime() - s) / 1e9;
            double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%-12s world %.2f s, %d rounds in %.2f s = %.0f rounds/s wall, %.0f rounds/s of CPU time;"
                    + " regret %.1f ctr %.3f%n", policy, (s - w) / 1e9, rounds, secs, rounds / secs, rounds / cpuSecs,
                    m.cumulativeRegret(), m.ctr());
        }
    }
}
