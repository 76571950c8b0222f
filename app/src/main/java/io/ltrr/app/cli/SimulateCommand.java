package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.BeirScenario;
import io.ltrr.engine.sim.BeirSimulation;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.FullInfoCsv;
import io.ltrr.engine.sim.MetricsCsv;
import io.ltrr.engine.sim.MetricsListener;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.RoundObserver;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationMetrics;
import io.ltrr.engine.sim.SimulationPolicies;
import io.ltrr.engine.sim.SimulationWorlds;
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
import java.util.function.Supplier;
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

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "A shipped scenario (synthetic-two-contexts, music-default, music-misspelled, "
                    + "music-reformulating, music-lexical-misspelled, beir-scifact) or a JSON file.")
    String scenario;

    @Option(names = "--policy", defaultValue = "thompson", paramLabel = "ID",
            description = "Policy id, or fixed:ARM (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--rounds", defaultValue = "10000", paramLabel = "N", description = "Rounds (default: ${DEFAULT-VALUE}).")
    long rounds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-arms", defaultValue = "0", paramLabel = "M",
            description = "Arms chosen per round at most (default: the scenario's).")
    int maxArms;

    @Option(names = "--ranker", defaultValue = "rrf", paramLabel = "ID",
            description = "Ranker of the shown list on music scenarios: rrf (no learning), pairwise (learns online "
                    + "from the simulated clicks, 1/θ weights) or lambdamart (retrained every 1000 rounds) "
                    + "(default: ${DEFAULT-VALUE}).")
    String ranker;

    @Option(names = "--no-rewrite",
            description = "Music scenarios: the same users (retrying failed searches as the scenario says) without the "
                    + "rewrite arm, to compare with and without it on the same traffic.")
    boolean noRewrite;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the metrics after every round as CSV.")
    Path out;

    @Option(names = "--export-full-info", paramLabel = "FILE.csv",
            description = "Write every round's context features and every arm's expected reward as CSV.")
    Path fullInfo;

    @Override
    public Integer call() {
        Scenario sc = SimulateCommand.withoutRewrite(Scenarios.load(scenario), noRewrite);
        io.ltrr.engine.sim.SimRankers.requireKnown(ranker);
        long start = System.nanoTime();
        try (CatalogHolder catalog = new CatalogHolder(common.dataDir());
             Writer metricsFile = open(out); Writer infoFile = open(fullInfo)) {
            SimulatedWorld world = SimulationWorlds.create(sc, seed, maxArms, ranker, catalog, catalog::beir);
            SelectionPolicy p = SimulationPolicies.create(policy, seed, world.featureNames());
            MetricsListener metrics = metricsFile == null ? MetricsListener.NONE : new MetricsCsv(metricsFile, world.arms());
            RoundObserver observer = infoFile == null ? RoundObserver.NONE : new FullInfoCsv(infoFile, world.arms());
            long simStart = System.nanoTime();
            SimulationMetrics m = new Simulator(world).run(p, rounds, metrics, observer, new ProgressBar(System.err),
                    CancellationToken.none());
            double secs = (System.nanoTime() - simStart) / 1e9;
            System.err.printf(Locale.ROOT, "ltrr: %d rounds in %.1f s (%.0f rounds/s; %.1f s in all)%n", rounds, secs,
                    rounds / secs, (System.nanoTime() - start) / 1e9);
            if (common.json()) {
                Json.print(System.out, toJson(sc, world, m));
            } else {
                print(sc, world, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /** The scenario without its rewrite arm when asked (music scenarios; a synthetic one has none to drop). */
    static Scenario withoutRewrite(Scenario sc, boolean drop) {
        return drop && sc instanceof MusicScenario m ? m.withoutRewrite() : sc;
    }

    private SimulationJson toJson(Scenario sc, SimulatedWorld world, SimulationMetrics m) {
        return new SimulationJson(scenario, sc.kind(), policy, ranker.equals("rrf") ? null : ranker, seed, m.rounds(),
                world.budget().maxArms(), world.arms(), m.cumulativeRegret(), m.meanRegret(), m.ctr(),
                Json.unlessNaN(m.meanNdcg10()), m.armShare(), m.window(), m.windowArmShare(), m.rewardRate());
    }

    /** The JSON form of a simulation's figures; the ranker only when it is not the default rrf. */
    record SimulationJson(String scenario, String scenarioKind, String policy, @JsonInclude(Include.NON_NULL) String ranker,
                          long seed, long rounds, int maxArms, List<String> arms, double cumulativeRegret,
                          double meanRegretPerRound, double ctr,
                          @JsonInclude(Include.NON_NULL) @JsonProperty("mean_ndcg_at_10") Double meanNdcgAt10,
                          Map<String, Double> armShare, int windowRounds, Map<String, Double> windowArmShare,
                          Map<String, Double> rewardRatePerArm) {
    }

    private void print(Scenario sc, SimulatedWorld world, SimulationMetrics m) {
        System.out.printf(Locale.ROOT, "scenario %s (%s), policy %s, seed %d, %d rounds, up to %d arms per round%s%n",
                scenario, sc.kind(), policy, seed, m.rounds(), world.budget().maxArms(),
                ranker.equals("rrf") ? "" : ", ranker " + ranker);
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

    /**
     * Opens the catalog simulation on first use only (synthetic scenarios need no index), building the index the
     * way {@code ltrr search} does when there is none yet; likewise a BEIR scenario's collection simulation.
     */
    static final class CatalogHolder implements Supplier<CatalogSimulation>, AutoCloseable {
        private final Path dataDir;
        private CatalogSimulation simulation;
        private BeirSimulation collection;
        private BeirScenario collectionScenario;

        /**
         * The simulation of a BEIR scenario's collection, indexing its corpus under the data folder on first use;
         * kept for the next worlds of the same collection and split (compare plays many seeds).
         */
        BeirSimulation beir(BeirScenario scenario) {
            if (collection != null && (!scenario.collection().equals(collectionScenario.collection())
                    || !java.util.Objects.equals(scenario.split(), collectionScenario.split()))) {
                collection.close();
                collection = null;
            }
            if (collection == null) {
                try {
                    collection = BeirSimulation.open(scenario.locateCollection(), scenario.split(), dataDir,
                            new ProgressBar(System.err), CancellationToken.none());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                collectionScenario = scenario;
            }
            return collection;
        }

        CatalogHolder(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public CatalogSimulation get() {
            if (simulation == null) {
                WorkbenchConfig config = WorkbenchConfig.defaults(dataDir);
                try (Workbench wb = Workbench.open(config)) {
                    if (!wb.hasIndex()) {
                        System.err.println("ltrr: first use: indexing the catalog into " + dataDir);
                        wb.index(false, new ProgressBar(System.err), CancellationToken.none());
                    }
                }
                simulation = CatalogSimulation.open(dataDir, config.armSettings());
            }
            return simulation;
        }

        @Override
        public void close() {
            if (simulation != null) {
                simulation.close();
            }
            if (collection != null) {
                collection.close();
            }
        }
    }
}
