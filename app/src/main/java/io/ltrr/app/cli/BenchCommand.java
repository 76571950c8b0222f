package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.ArmSearch;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.perf.BenchQueries;
import io.ltrr.engine.perf.StoreWriteBench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ltrr bench}: end-to-end measurements (a benchmark, never a test): per-arm query latency over a seeded
 * sample of catalog queries, and optionally the index build time with and without embeddings; or the write rate of
 * the data folder's feedback store ({@code --store-writes}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure per-arm latency (p50/p99) and, with --index, index build time; with --end-to-end, "
                + "search round latency, simulated searches/s, index build rate and peak heap; with --store-writes, "
                + "the feedback store's write rate.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--queries", defaultValue = "2000", description = "Measured queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "500", description = "Unmeasured warm-up queries; with --store-writes, "
            + "searches per writer (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--k", defaultValue = "100", description = "Candidates per arm (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the query sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--index", description = "Also time full index builds (with and without embeddings) in a scratch folder.")
    boolean index;

    @Option(names = "--end-to-end", description = "Full search rounds (bandit select + chosen arms + union + rank) "
            + "p50/p99 without and with the query embedding, simulated searches/s, index build rate, peak heap and CPU "
            + "time, on a catalog indexed into a scratch folder.")
    boolean endToEnd;

    @Option(names = "--catalog", paramLabel = "FILE|DIR",
            description = "--end-to-end: the catalog to index (default: the data folder's catalog).")
    Path catalog;

    @Option(names = "--items", defaultValue = "0", paramLabel = "N",
            description = "--end-to-end: generate a synthetic catalog of N items (ltrr catalog generate, seed --seed).")
    long items;

    @Option(names = "--work", paramLabel = "DIR",
            description = "--end-to-end: scratch data folder (kept); default: a temporary folder, deleted afterwards.")
    Path work;

    @Option(names = "--embeddings", description = "--end-to-end: index with embeddings and also time searches "
            + "including the query embedding.")
    boolean embeddings;

    @Option(names = "--reuse-index", description = "--end-to-end with --work: keep the work folder's index when it "
            + "is current for the catalog and settings (the index figures then describe no build).")
    boolean reuseIndex;

    @Option(names = "--policy", defaultValue = "thompson", paramLabel = "ID",
            description = "--end-to-end: the selection policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--simulate-rounds", defaultValue = "5000", paramLabel = "N",
            description = "--end-to-end: simulated rounds per pass, 0 to skip (default: ${DEFAULT-VALUE}).")
    long simulateRounds;

    @Option(names = "--simulate-warmup", defaultValue = "3", paramLabel = "P",
            description = "--end-to-end: untimed simulation passes per arm set first, for the JIT; the first one's "
                    + "rate is reported as the cold rate (default: ${DEFAULT-VALUE}).")
    int simulateWarmup;

    @Option(names = "--simulate-passes", defaultValue = "3", paramLabel = "P",
            description = "--end-to-end: timed simulation passes per arm set; their median is reported "
                    + "(default: ${DEFAULT-VALUE}).")
    int simulatePasses;

    @Option(names = "--scenario", defaultValue = "music-default", paramLabel = "NAME",
            description = "--end-to-end: the music scenario simulated (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--store-writes", description = "The write rate of the data folder's feedback store: --writers "
            + "workbenches, each with its own connection, write --searches searches each as the live search logs "
            + "them (an impression of " + StoreWriteBench.SHOWN + " shown items, one transaction) and click "
            + StoreWriteBench.CLICK_PERCENT + "%% of them; reports searches/s, events/s and the p50/p99 of a search's "
            + "write. The searches stay in the log: use a scratch folder or database.")
    boolean storeWrites;

    @Option(names = "--writers", paramLabel = "W", description = "--store-writes: writers at once (default: "
            + StoreWriteBench.Options.DEFAULT_SHARED_WRITERS + " on PostgreSQL; the folder's own H2 store takes one).")
    Integer writers;

    @Option(names = "--searches", defaultValue = "1000", paramLabel = "N",
            description = "--store-writes: timed searches per writer (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--into-existing-log", description = "--store-writes: also write into a store that already "
            + "holds searches (refused otherwise, so a real log is not filled with the bench's).")
    boolean intoExistingLog;

    @Override
    public Integer call() throws IOException {
        if (storeWrites) {
            if (endToEnd || index) {
                throw new ParameterException(new CommandLine(this), "--store-writes excludes --end-to-end and --index");
            }
            return storeWrites();
        }
        if (endToEnd) {
            if (simulateWarmup < 0 || simulatePasses < 1) {
                throw new ParameterException(new CommandLine(this),
                        "--simulate-warmup must be >= 0 and --simulate-passes >= 1");
            }
            if (catalog != null && items > 0) {
                throw new ParameterException(new CommandLine(this), "--catalog and --items exclude each other");
            }
            if (storeOptions.given()) {
                throw new ParameterException(new CommandLine(this), "--end-to-end works in a scratch folder with its "
                        + "own store: --store, --store-user and --store-password-file do not apply");
            }
            if (reuseIndex && work == null) {
                throw new ParameterException(new CommandLine(this), "--reuse-index needs --work DIR");
            }
            EndToEndBench.EndToEndJson doc = EndToEndBench.run(new EndToEndBench.Options(common.dataDir(), catalog,
                    items, seed, work, reuseIndex, embeddings, policy, queries, warmup, simulateRounds,
                    simulateWarmup, simulatePasses, scenario));
            if (common.json()) {
                Json.print(System.out, doc);
            } else {
                EndToEndBench.print(doc);
            }
            return 0;
        }
        MachineJson machine = MachineJson.current();
        Map<String, BuildJson> builds = index ? indexBuilds() : null;
        WorkbenchConfig cfg = storeOptions.apply(backendOptions.apply(WorkbenchConfig.defaults(common.dataDir())));
        BenchJson doc;
        // every timed query searches: no result cache answers a repeated one
        try (Workbench wb = Workbench.open(cfg.withArmSettings(cfg.armSettings().withCacheEntries(0)))) {
            if (!wb.hasIndex()) {
                wb.index(false, new ProgressBar(System.err), CancellationToken.none());
            }
            doc = new BenchJson(machine, builds, wb.indexStats().orElseThrow().items(), armLatencies(wb));
        }
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            print(doc);
        }
        return 0;
    }

    private int storeWrites() {
        StoreChoice choice = storeOptions.choice(common.dataDir());
        StoreWriteBench.Options options = StoreWriteBench.Options.forStore(choice, writers, searches, warmup, seed,
                intoExistingLog);
        StoreWriteBench.Result r = StoreWriteBench.run(common.dataDirCreatingIt(), choice, options);
        StoreWritesJson doc = StoreWritesJson.of(MachineJson.current(), r);
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.printf(Locale.ROOT, "store writes on %s: %d writer(s) x %d searches (%d warm-up each), "
                    + "%d shown items, %d%% clicked%n", choice.describe(), doc.writers(), doc.searchesPerWriter(),
                    doc.warmupSearchesPerWriter(), doc.shownPerSearch(), doc.clickPercent());
            System.out.printf(Locale.ROOT, "%d searches + %d clicks in %.2f s = %.0f searches/s, %.0f events/s%n",
                    doc.searches(), doc.clicks(), doc.seconds(), doc.searchesPerSecond(), doc.eventsPerSecond());
            System.out.printf(Locale.ROOT, "search write p50 %.2f ms, p99 %.2f ms, mean %.2f ms; "
                    + "click write p50 %.2f ms, p99 %.2f ms%n", doc.searchWriteP50Ms(), doc.searchWriteP99Ms(),
                    doc.searchWriteMeanMs(), doc.clickWriteP50Ms(), doc.clickWriteP99Ms());
        }
        return 0;
    }

    private Map<String, LatencyJson> armLatencies(Workbench wb) {
        List<String> sample = BenchQueries.sample(wb.items(), warmup + queries, seed);
        Map<String, List<Long>> micros = new LinkedHashMap<>();
        for (int i = 0; i < sample.size(); i++) {
            ArmSearch r = wb.searchArms(sample.get(i), List.of(), k);
            if (i >= warmup) {
                r.micros().forEach((arm, us) -> micros.computeIfAbsent(arm, a -> new ArrayList<>()).add(us));
            }
            if (i % 100 == 0) {
                System.err.printf(Locale.ROOT, "\rbench %d/%d", i, sample.size());
            }
        }
        System.err.println();
        Map<String, LatencyJson> out = new LinkedHashMap<>();
        micros.forEach((arm, list) -> out.put(arm, LatencyJson.of(list)));
        return out;
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private Map<String, BuildJson> indexBuilds() throws IOException {
        Map<String, BuildJson> out = new LinkedHashMap<>();
        for (boolean embeddings : new boolean[] {false, true}) {
            Path scratch = Files.createTempDirectory("ltrr-bench-index");
            try {
                WorkbenchConfig cfg = WorkbenchConfig.defaults(common.dataDir()).withDataDir(scratch);
                cfg = cfg.withIndexSettings(cfg.indexSettings().withEmbeddings(embeddings));
                try (Workbench wb = Workbench.open(cfg)) {
                    System.err.println("bench: building the index " + (embeddings ? "with" : "without") + " embeddings");
                    IndexReport r = wb.index(true, embeddings ? new ProgressBar(System.err) : ProgressListener.NONE,
                            CancellationToken.none());
                    out.put(embeddings ? "with_embeddings" : "without_embeddings", new BuildJson(r.stats().items(),
                            r.buildMillis() / 1000.0, r.stats().items() / Math.max(1e-3, r.buildMillis() / 1000.0)));
                }
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return out;
    }

    private static void print(BenchJson doc) {
        System.out.printf(Locale.ROOT, "%d cores, Java %s, %s catalog items%n", doc.machine().cores(),
                doc.machine().java(), doc.catalogItems());
        if (doc.indexBuild() != null) {
            doc.indexBuild().forEach((name, m) -> System.out.printf(Locale.ROOT,
                    "index build %-20s %6.1f s  (%.0f items/s)%n", name, m.seconds(), m.itemsPerS()));
        }
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %8s%n", "arm", "p50 ms", "p99 ms", "mean ms");
        doc.arms().forEach((arm, m) -> System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f %8.2f%n", arm, m.p50Ms(),
                m.p99Ms(), m.meanMs()));
    }

    /** The machine the figures were taken on. */
    record MachineJson(int cores, String java) {
        static MachineJson current() {
            return new MachineJson(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        }
    }

    /** The JSON form of the per-arm latencies (and index builds with --index). */
    record BenchJson(@JsonUnwrapped MachineJson machine,
                     @JsonInclude(Include.NON_NULL) Map<String, BuildJson> indexBuild, int catalogItems,
                     Map<String, LatencyJson> arms) {
    }

    /**
     * The JSON form of {@code --store-writes}: what ran (store kind, writers, searches and warm-up per writer, items
     * shown, share clicked), what was written in the timed part, the rates, and one search's and one click's write
     * transaction in milliseconds.
     */
    record StoreWritesJson(@JsonUnwrapped MachineJson machine, String store, int writers, int searchesPerWriter,
                           int warmupSearchesPerWriter, int shownPerSearch, int clickPercent, long searches,
                           long clicks, long events, double seconds, double searchesPerSecond, double eventsPerSecond,
                           double searchWriteP50Ms, double searchWriteP99Ms, double searchWriteMeanMs,
                           double clickWriteP50Ms, double clickWriteP99Ms) {
        static StoreWritesJson of(MachineJson machine, StoreWriteBench.Result r) {
            StoreWriteBench.Options o = r.options();
            return new StoreWritesJson(machine, r.store(), o.writers(), o.searches(), o.warmup(), StoreWriteBench.SHOWN,
                    StoreWriteBench.CLICK_PERCENT, r.searches(), r.clicks(), r.searches() + r.clicks(), r.seconds(),
                    r.searchesPerSecond(), r.eventsPerSecond(), r.searchWrite().p50Ms(), r.searchWrite().p99Ms(),
                    r.searchWrite().meanMs(), r.clickWrite().p50Ms(), r.clickWrite().p99Ms());
        }
    }

    /** One index build. */
    record BuildJson(int items, double seconds, double itemsPerS) {
    }

    /** One arm's latency over the measured queries. */
    record LatencyJson(int queries, double p50Ms, double p99Ms, double meanMs) {
        static LatencyJson of(List<Long> micros) {
            long[] v = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            return new LatencyJson(v.length, at(v, 0.50) / 1000.0, at(v, 0.99) / 1000.0,
                    Arrays.stream(v).average().orElse(0) / 1000.0);
        }
    }
}
