package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.prior.PolicyPrior;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.PriorLearning;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.compare.warmstart.DemoQueries;
import io.ltrr.engine.compare.warmstart.DemoQuery;
import io.ltrr.engine.compare.warmstart.WarmStartMeasure;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltrr prior}: the warm start of a new data folder's policy (issue 23) — learn a policy's prior offline on a
 * simulation scenario over the folder's catalog ({@code learn}), or measure what the prior changes for the first
 * searches of a fresh folder ({@code measure}).
 */
@Command(name = "prior", mixinStandardHelpOptions = true,
        description = "learn: learn a policy's prior offline by playing a music scenario's simulated users over the "
                + "folder's catalog, written to DATA/priors/POLICY.json (or --out DIR), where a new or reset policy "
                + "starts from it. measure: the share of demo queries with a wanted item in the top K when each is "
                + "the first search of a fresh folder, from the prior (warm) and uniform (cold), over several seeds.")
final class PriorCommand implements Callable<Integer> {
    static final List<String> NO_PRIOR = List.of("uniform");

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ACTION", description = "learn or measure")
    String action;

    @Option(names = "--policy", paramLabel = "ID|all",
            description = "learn: the policy (default: the folder's active one); all: every policy that learns.")
    String policy;

    @Option(names = "--scenario", defaultValue = "music-default", paramLabel = "NAME|FILE",
            description = "learn: a music scenario (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--rounds", defaultValue = "1000", paramLabel = "N",
            description = "learn: simulated rounds, the prior's strength (default: ${DEFAULT-VALUE}).")
    long rounds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "learn: the simulation's seed (default: ${DEFAULT-VALUE}); measure: the first seed.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "learn: write POLICY.json into DIR (resources/engine/priors ships it) instead of DATA/priors.")
    Path out;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "measure: a demo-query file (query, kind, wanted ids; default: the shipped "
                    + "resources/engine/demo-queries.tsv).")
    Path queries;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "measure: workbench seeds S, S+1, …, one fresh folder each per start (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--k", defaultValue = "5", paramLabel = "K",
            description = "measure: a wanted item must be among the first K results (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
        return switch (action) {
            case "learn" -> learn();
            case "measure" -> measure();
            default -> throw new IllegalArgumentException("prior: unknown action '" + action
                    + "' (expected learn or measure)");
        };
    }

    private int learn() {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be >= 1, was " + rounds);
        }
        Scenario sc = Scenarios.load(scenario);
        if (!(sc instanceof MusicScenario music)) {
            throw new IllegalArgumentException("--scenario: a prior is learned on a music scenario (the folder's "
                    + "catalog), '" + scenario + "' is " + sc.kind());
        }
        Path dir = common.dataDir();
        WorkbenchConfig config = WorkbenchConfig.defaults(dir);
        List<String> ids;
        try (Workbench wb = Workbench.open(config)) {
            ids = policy == null ? List.of(wb.policyId())
                    : policy.equals("all") ? wb.policyIds().stream().filter(p -> !NO_PRIOR.contains(p)).toList()
                    : List.of(checked(policy, wb.policyIds()));
        }
        Path target = out != null ? out : new DataLayout(dir).priors();
        List<PriorJson> written = new ArrayList<>();
        try (CatalogHolder catalog = new CatalogHolder(dir, c -> c)) {
            for (String id : ids) {
                String command = "ltrr prior learn --policy " + id + " --scenario " + scenario + " --rounds " + rounds
                        + " --seed " + seed + (out != null ? " --out " + out : "");
                PolicyPrior prior = PriorLearning.learn(catalog.get(), music, scenario, id, rounds, seed, command);
                Path file = target.resolve(id + ".json");
                write(file, prior.toJson());
                written.add(new PriorJson(id, file.toString(), prior.scenario(), prior.rounds(), prior.seed(),
                        prior.catalogDigest(), prior.indexFingerprint(), prior.arms()));
                if (!common.json()) {
                    System.out.println("prior of " + id + ": " + file + " (scenario " + prior.scenario() + ", "
                            + prior.rounds() + " rounds, seed " + prior.seed() + ", arms "
                            + String.join(",", prior.arms()) + ", catalog digest " + prior.catalogDigest() + ")");
                }
            }
        }
        if (common.json()) {
            Json.print(System.out, new LearnJson(written));
        } else if (out == null) {
            System.out.println("a policy of this folder without learned state starts from it; ltrr policy reset "
                    + "goes back to it");
        }
        return 0;
    }

    private static String checked(String id, List<String> ids) {
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("--policy: unknown policy '" + id + "'; valid: " + ids + " or all");
        }
        return id;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private int measure() {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, was " + seeds);
        }
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, was " + k);
        }
        List<DemoQuery> set = queries == null ? DemoQueries.shipped() : DemoQueries.read(queries);
        Path dir = common.existingDataDir();
        WorkbenchConfig config = WorkbenchConfig.defaults(dir);
        try (Workbench wb = Workbench.open(config)) {
            if (!wb.hasIndex()) {
                throw new IllegalArgumentException(dir + " has no current index: run ltrr index --data " + dir + " first");
            }
        }
        List<Long> seedList = LongStream.range(seed, seed + seeds).boxed().toList();
        ProgressListener progress = common.json() ? ProgressListener.NONE : new ProgressBar(System.err);
        WarmStartMeasure.Report r = WarmStartMeasure.run(config, set, seedList, k, progress);
        MeasureJson doc = new MeasureJson(r.policy(), r.queries(), r.k(), r.seeds(),
                "each query the first search of a fresh folder (policy reset to the start before each)",
                start(r.warm()), start(r.cold()), r.warm().meanShare() - r.cold().meanShare());
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.printf("policy %s, %d demo queries, wanted item in the top %d, seeds %s%n", r.policy(),
                    r.queries(), r.k(), r.seeds());
            System.out.println("each query is the first search of a fresh folder (the policy reset to its start before each)");
            for (StartJson s : List.of(doc.warm(), doc.cold())) {
                System.out.printf("%s: mean share %.3f (min %.3f, max %.3f; per seed %s), started from %s (%s: %s)%n",
                        s.start(), s.meanShare(), s.minShare(), s.maxShare(), s.shareBySeed(), s.startedFrom(),
                        s.startSource(), s.startNote());
            }
            System.out.printf("warm − cold: %+.3f%n", doc.warmMinusCold());
            System.out.println("seeds answered per query (warm / cold):");
            r.warm().seedsAnsweredByQuery().forEach((q, n) -> System.out.printf("  %-32s %d / %d%n", q, n,
                    r.cold().seedsAnsweredByQuery().get(q)));
        }
        return 0;
    }

    private static StartJson start(WarmStartMeasure.StartResult s) {
        PolicyStart p = s.policyStart();
        return new StartJson(s.start(), p.kind(), p.source(), p.note(), s.shareBySeed(), s.meanShare(),
                s.minShare(), s.maxShare(), s.seedsAnsweredByQuery());
    }

    /** One learned prior: the policy, where it was written and what it was learned on. */
    record PriorJson(String policy, String file, String scenario, long rounds, long seed, String catalogDigest,
                     String indexFingerprint, List<String> arms) {
    }

    record LearnJson(List<PriorJson> priors) {
    }

    /** One start's figures: what the policy started from, the share per seed and over them, seeds per query. */
    record StartJson(String start, String startedFrom, String startSource, String startNote, List<Double> shareBySeed,
                     double meanShare, double minShare, double maxShare, Map<String, Integer> seedsAnsweredByQuery) {
    }

    /** The measure: both starts over the same queries and seeds, and the difference of their mean shares. */
    record MeasureJson(String policy, int queries, int k, List<Long> seeds, String procedure, StartJson warm,
                       StartJson cold, double warmMinusCold) {
    }
}
