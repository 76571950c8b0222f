package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.FixedArmPolicy;
import io.ltrr.engine.sim.Leaderboard;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulationPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr compare}: a leaderboard of policies on identical simulated traffic. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run several policies on the same simulated users, queries and clicks, K seeds each, and print "
                + "mean ± sd cumulative regret, CTR and final arm share, least regret first.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    ScenarioOptions run;

    @Option(names = "--policies", required = true, split = ",", paramLabel = "ID,ID,…",
            description = "Policy ids (fixed:ARM for a single fixed arm), each optionally with options: "
                    + "ID(KEY=VALUE;…), list values joined by +, e.g. thompson(bucketFeatures=ctx.voice+ctx.entity).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--with-fixed-arms", description = "Also rank fixed:ARM for every offered arm.")
    boolean withFixed;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "K",
            description = "Seeds per policy (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Override
    public Integer call() {
        Scenario sc = run.load();
        long start = System.nanoTime();
        try (CatalogHolder catalog = new CatalogHolder(common.dataDir(), backendOptions::apply)) {
            List<String> ids = new ArrayList<>(policies);
            List<String> arms = run.world(sc, run.seed, catalog).arms();
            if (withFixed) {
                arms.forEach(a -> {
                    if (!ids.contains(FixedArmPolicy.PREFIX + a)) {
                        ids.add(FixedArmPolicy.PREFIX + a);
                    }
                });
            }
            // once per run, on stderr in both output modes: the policies whose bucket features the scenario lacks
            SimulationPolicies.contextWarnings(ids, run.world(sc, run.seed, catalog).featureNames())
                    .forEach(w -> System.err.println("ltrr: warning: " + w));
            List<Leaderboard.Row> rows = Leaderboard.run(s -> run.world(sc, s, catalog), ids, run.rounds, run.seed,
                    seeds, new ProgressBar(System.err), CancellationToken.none());
            System.err.printf(Locale.ROOT, "ltrr: %d runs of %d rounds in %.1f s%n", ids.size() * seeds, run.rounds,
                    (System.nanoTime() - start) / 1e9);
            if (common.json()) {
                Json.print(System.out, toJson(sc, rows));
            } else {
                print(sc, rows, arms);
            }
        }
        return 0;
    }

    private CompareJson toJson(Scenario sc, List<Leaderboard.Row> rows) {
        List<CompareJson.Row> board = new ArrayList<>();
        for (Leaderboard.Row r : rows) {
            board.add(new CompareJson.Row(board.size() + 1, r.policy(), r.regretMean(), r.regretSd(), r.ctrMean(),
                    r.ctrSd(), Json.unlessNaN(r.ndcgMean()), r.armShare()));
        }
        return new CompareJson(run.scenario, sc.kind(), run.rounds, seeds, run.seed, run.rankerUnlessDefault(), board);
    }

    /** The JSON form of a leaderboard; the ranker only when it is not the default rrf. */
    record CompareJson(String scenario, String scenarioKind, long rounds, int seeds, long firstSeed,
                       @JsonInclude(Include.NON_NULL) String ranker, List<Row> leaderboard) {
        /** One policy's figures over the seeds, least regret first. */
        record Row(int rank, String policy, double cumulativeRegretMean, double cumulativeRegretSd, double ctrMean,
                   double ctrSd, @JsonInclude(Include.NON_NULL) @JsonProperty("mean_ndcg_at_10") Double meanNdcgAt10,
                   Map<String, Double> finalArmShare) {
        }
    }

    private void print(Scenario sc, List<Leaderboard.Row> rows, List<String> arms) {
        System.out.printf(Locale.ROOT, "scenario %s (%s), %d rounds, %d seeds from %d%s%n", run.scenario, sc.kind(),
                run.rounds, seeds, run.seed, run.rankerNote());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-4s %-18s %22s %18s", "#", "policy",
                "cumulative regret", "ctr"));
        arms.forEach(a -> head.append(String.format(Locale.ROOT, " %10s", a)));
        System.out.println(head);
        int rank = 1;
        for (Leaderboard.Row r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-4d %-18s %11.2f ± %8.2f %8.4f ± %.4f",
                    rank++, r.policy(), r.regretMean(), r.regretSd(), r.ctrMean(), r.ctrSd()));
            arms.forEach(a -> line.append(String.format(Locale.ROOT, " %10.3f", r.armShare().getOrDefault(a, 0.0))));
            System.out.println(line);
        }
    }
}
