package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.FullInfoCsv;
import io.ltrr.engine.sim.MetricsCsv;
import io.ltrr.engine.sim.MetricsListener;
import io.ltrr.engine.sim.RoundObserver;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationMetrics;
import io.ltrr.engine.sim.SimulationPolicies;
import io.ltrr.engine.sim.Simulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr simulate}: one policy against simulated users with known truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a policy on a simulation scenario and print cumulative regret, arm share and CTR. "
                + "The same seed gives the same output.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    ScenarioOptions run;

    @Option(names = "--policy", defaultValue = "thompson", paramLabel = "ID",
            description = "Policy id, or fixed:ARM, optionally with options: ID(KEY=VALUE;…), list values joined by +, "
                    + "e.g. thompson(bucketFeatures=ctx.voice+ctx.entity) (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the metrics after every round as CSV.")
    Path out;

    @Option(names = "--export-full-info", paramLabel = "FILE.csv",
            description = "Write every round's context features and every arm's expected reward as CSV.")
    Path fullInfo;

    @Option(names = "--interleave", paramLabel = "A,B",
            description = "Instead of the policy's figures: team-draft interleave two rankers of known quality "
                    + "(oracle: true relevance order; rrf; random) and report how many impressions the sign test needs "
                    + "to prefer one at p < 0.05, per seed and over the seeds (each run stops there, or at --rounds).")
    String interleave;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "K",
            description = "With --interleave: runs on seeds S, S+1, …, S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        if (interleave != null) {
            return interleave();
        }
        Scenario sc = run.load();
        long start = System.nanoTime();
        try (CatalogHolder catalog = new CatalogHolder(common.dataDir(), backendOptions::apply);
             Writer metricsFile = open(out); Writer infoFile = open(fullInfo)) {
            SimulatedWorld world = run.world(sc, run.seed, catalog);
            SelectionPolicy p = SimulationPolicies.create(policy, run.seed, world.featureNames());
            List<String> warnings = SimulationPolicies.contextWarnings(List.of(policy), world.featureNames());
            MetricsListener metrics = metricsFile == null ? MetricsListener.NONE : new MetricsCsv(metricsFile, world.arms());
            RoundObserver observer = infoFile == null ? RoundObserver.NONE : new FullInfoCsv(infoFile, world.arms());
            long simStart = System.nanoTime();
            SimulationMetrics m = new Simulator(world).run(p, run.rounds, metrics, observer,
                    new ProgressBar(System.err), CancellationToken.none());
            double secs = (System.nanoTime() - simStart) / 1e9;
            System.err.printf(Locale.ROOT, "ltrr: %d rounds in %.1f s (%.0f rounds/s; %.1f s in all)%n", run.rounds,
                    secs, run.rounds / secs, (System.nanoTime() - start) / 1e9);
            if (common.json()) {
                Json.print(System.out, toJson(sc, world, m, warnings));
            } else {
                print(sc, world, m, warnings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    private int interleave() {
        RankerPair pair = RankerPair.parse(interleave);
        Scenario sc = run.load();
        try (CatalogHolder catalog = new CatalogHolder(common.dataDir(), backendOptions::apply)) {
            InterleaveSimulation.Figures f = InterleaveSimulation.run(sc, run.scenario, pair, policy, run.seed, seeds,
                    run.rounds, run.maxArms, catalog, new ProgressBar(System.err));
            if (common.json()) {
                Json.print(System.out, f);
            } else {
                InterleaveSimulation.print(f, System.out);
            }
        }
        return 0;
    }

    private SimulationJson toJson(Scenario sc, SimulatedWorld world, SimulationMetrics m, List<String> warnings) {
        return new SimulationJson(run.scenario, sc.kind(), policy, run.rankerUnlessDefault(), run.seed, m.rounds(),
                world.budget().maxArms(), world.arms(), m.cumulativeRegret(), m.meanRegret(), m.ctr(),
                Json.unlessNaN(m.meanNdcg10()), m.armShare(), m.window(), m.windowArmShare(), m.rewardRate(),
                warnings);
    }

    /**
     * The JSON form of a simulation's figures; the ranker only when it is not the default rrf; the context warnings
     * (features the policy keys on that the scenario's contexts lack) empty when there is none.
     */
    record SimulationJson(String scenario, String scenarioKind, String policy,
                          @JsonInclude(Include.NON_NULL) String ranker, long seed, long rounds, int maxArms,
                          List<String> arms, double cumulativeRegret, double meanRegretPerRound, double ctr,
                          @JsonInclude(Include.NON_NULL) @JsonProperty("mean_ndcg_at_10") Double meanNdcgAt10,
                          Map<String, Double> armShare, int windowRounds, Map<String, Double> windowArmShare,
                          Map<String, Double> rewardRatePerArm, List<String> contextWarnings) {
    }

    private void print(Scenario sc, SimulatedWorld world, SimulationMetrics m, List<String> warnings) {
        System.out.printf(Locale.ROOT, "scenario %s (%s), policy %s, seed %d, %d rounds, up to %d arms per round%s%n",
                run.scenario, sc.kind(), policy, run.seed, m.rounds(), world.budget().maxArms(), run.rankerNote());
        warnings.forEach(w -> System.out.println("warning: " + w));
        System.out.printf(Locale.ROOT, "cumulative regret  %.3f  (%.4f per round)%n", m.cumulativeRegret(),
                m.meanRegret());
        System.out.printf(Locale.ROOT, "ctr                %.4f%n", m.ctr());
        if (!Double.isNaN(m.meanNdcg10())) {
            System.out.printf(Locale.ROOT, "mean nDCG@10       %.4f%n", m.meanNdcg10());
        }
        System.out.printf(Locale.ROOT, "%-12s %10s %14s %12s%n", "arm", "share", "last " + m.window(), "reward rate");
        for (String arm : world.arms()) {
            System.out.printf(Locale.ROOT, "%-12s %10.4f %14.4f %12.4f%n", arm, m.armShare().get(arm),
                    m.windowArmShare().get(arm), m.rewardRate().get(arm));
        }
    }

    private static Writer open(Path file) throws IOException {
        return file == null ? null : new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
