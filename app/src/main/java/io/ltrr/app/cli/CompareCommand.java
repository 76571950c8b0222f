package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.Leaderboard;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr compare}: a leaderboard of policies on identical simulated traffic, on one yardstick. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run several policies on the same simulated users, queries and clicks, K seeds each, on every "
                + "core, and rank them all on one yardstick: the expected clicks of the shown list (worlds that show "
                + "lists), else the regret against one oracle for every row (the best selection of the largest size "
                + "any policy chose). Also CTR, nDCG@10, each row's paired difference from the best (mean ± sd over "
                + "seeds) and the final arm share.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    ScenarioOptions run;

    @Option(names = "--policies", required = true, split = ",", paramLabel = "ID,ID,…",
            description = "Policy ids (fixed:ARM for a single fixed arm, fused:RANKER for every arm fused by a ranker), "
                    + "each optionally with options: ID(KEY=VALUE;…), list values joined by +, "
                    + "e.g. thompson(bucketFeatures=ctx.voice+ctx.entity).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--with-fixed-arms",
            description = "Also rank the baselines: fixed:ARM for every offered arm, and every arm fused by RRF "
                    + "(fused:rrf).")
    boolean withFixed;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "K",
            description = "Seeds per policy (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--parallelism", defaultValue = "0", paramLabel = "N",
            description = "Runs played at once (default: 0, one per available core); the output is the same for any N.")
    int parallelism;

    @Override
    public Integer call() {
        if (parallelism < 0) {
            throw new IllegalArgumentException("--parallelism must be >= 0 (0: every core), was " + parallelism);
        }
        Scenario sc = run.load();
        long start = System.nanoTime();
        try (CatalogHolder catalog = new CatalogHolder(common.dataDir(), backendOptions::apply)) {
            List<String> ids = new ArrayList<>(policies);
            SimulatedWorld first = run.world(sc, run.seed, catalog);
            List<String> arms = first.arms();
            if (withFixed) {
                SimulationPolicies.baselines(arms, sc).forEach(b -> {
                    if (!ids.contains(b)) {
                        ids.add(b);
                    }
                });
            }
            // once per run, on stderr in both output modes: the policies whose bucket features the scenario lacks
            SimulationPolicies.contextWarnings(ids, first.featureNames())
                    .forEach(w -> System.err.println("ltrr: warning: " + w));
            int threads = parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
            Leaderboard.Result result = Leaderboard.run(
                    (policy, s) -> run.world(sc, s, catalog, SimulationPolicies.rankerOf(policy, run.ranker)), ids,
                    run.rounds, run.seed, seeds, threads, new ProgressBar(System.err), CancellationToken.none());
            System.err.printf(Locale.ROOT, "ltrr: %d runs of %d rounds in %.1f s (%d at a time)%n", ids.size() * seeds,
                    run.rounds, (System.nanoTime() - start) / 1e9, Math.min(threads, ids.size() * seeds));
            if (common.json()) {
                Json.print(System.out, toJson(sc, result));
            } else {
                CompareText.print(System.out, heading(sc), result, arms);
            }
        }
        return 0;
    }

    private String heading(Scenario sc) {
        return String.format(Locale.ROOT, "scenario %s (%s), %d rounds, %d seeds from %d%s", run.scenario, sc.kind(),
                run.rounds, seeds, run.seed, run.rankerNote());
    }

    private CompareJson toJson(Scenario sc, Leaderboard.Result result) {
        List<CompareJson.Row> board = new ArrayList<>();
        for (Leaderboard.Row r : result.rows()) {
            CompareJson.Paired paired = r.paired() == null ? null : new CompareJson.Paired(r.paired().versus(),
                    CompareText.metric(result.rankedBy()), r.paired().meanDifference(), r.paired().sd());
            board.add(new CompareJson.Row(board.size() + 1, r.policy(), r.armsPerRound(),
                    Json.unlessNaN(r.expectedClicksMean()), Json.unlessNaN(r.expectedClicksSd()), r.ctrMean(),
                    r.ctrSd(), Json.unlessNaN(r.ndcgMean()), r.regretMean(), r.regretSd(), paired, r.armShare()));
        }
        return new CompareJson(run.scenario, sc.kind(), run.rounds, seeds, run.seed, run.rankerUnlessDefault(),
                CompareText.metric(result.rankedBy()), result.oracleArms(), CompareText.yardstick(result), board);
    }

    /**
     * The JSON form of a leaderboard; the ranker only when it is not the default rrf.
     *
     * @param rankedBy         the one yardstick every row is ranked by
     * @param commonOracleArms the common oracle's selection size (the most arms any run chose in a round)
     * @param yardstick        the same in words
     */
    record CompareJson(String scenario, String scenarioKind, long rounds, int seeds, long firstSeed,
                       @JsonInclude(Include.NON_NULL) String ranker, String rankedBy, int commonOracleArms,
                       String yardstick, List<Row> leaderboard) {
        /** One policy's figures over the seeds, best first on the yardstick. */
        record Row(int rank, String policy, double armsPerRoundMean,
                   @JsonInclude(Include.NON_NULL) Double expectedClicksMean,
                   @JsonInclude(Include.NON_NULL) Double expectedClicksSd, double ctrMean, double ctrSd,
                   @JsonInclude(Include.NON_NULL) @JsonProperty("mean_ndcg_at_10") Double meanNdcgAt10,
                   double regretVsCommonOracleMean, double regretVsCommonOracleSd,
                   @JsonInclude(Include.NON_NULL) Paired pairedDifferenceFromBest,
                   Map<String, Double> finalArmShare) {
        }

        /** This row's figure minus the best row's on the yardstick, per seed on identical traffic. */
        record Paired(String versus, String metric, double mean, double sd) {
        }
    }
}
