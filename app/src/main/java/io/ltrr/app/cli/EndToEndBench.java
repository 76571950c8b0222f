package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.management.OperatingSystemMXBean;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.CatalogGenerator;
import io.ltrr.engine.catalog.CatalogProfile;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.perf.SearchBenchmark;
import io.ltrr.engine.progress.CancellationToken;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ltrr bench --end-to-end}: index build rate, search round latency (without and with the query embedding),
 * simulated searches per second, peak heap and process CPU time, on a catalog indexed into a scratch folder.
 */
final class EndToEndBench {
    private static final double MB = 1024.0 * 1024.0;

    record Options(Path dataDir, Path catalog, long items, long seed, Path work, boolean reuseIndex,
                   boolean embeddings, String policy,
                   int queries, int warmup, long simulateRounds, int simulateWarmup, int simulatePasses,
                   String scenario) {
    }

    private EndToEndBench() {
    }

    static EndToEndJson run(Options o) throws IOException {
        HeapSampler heap = HeapSampler.start();
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        Path work = o.work() != null ? o.work() : Files.createTempDirectory("ltrr-bench-e2e");
        Files.createDirectories(work);
        double heapMaxMb = Runtime.getRuntime().maxMemory() / MB;
        Catalog catalog;
        IndexJson index;
        int catalogItems;
        SearchJson search;
        SimulationJson simulation = null;
        try {
            catalog = catalog(o, work);
            WorkbenchConfig cfg = WorkbenchConfig.defaults(work).withCatalog(CatalogSource.of(catalog.path()));
            cfg = cfg.withIndexSettings(cfg.indexSettings().withEmbeddings(o.embeddings()));
            index = index(cfg, !o.reuseIndex());
            try (SearchBenchmark bench = SearchBenchmark.open(work, cfg.armSettings())) {
                catalogItems = bench.items();
                search = search(bench, o);
                if (o.simulateRounds() > 0) {
                    simulation = simulate(bench, o);
                }
            }
        } finally {
            if (o.work() == null) {
                delete(work);
            }
        }
        return new EndToEndJson(BenchCommand.MachineJson.current(), heapMaxMb, catalog.json(), index, catalogItems,
                search, simulation, simulation == null ? "skipped (--simulate-rounds 0)" : null, heap.stop() / MB,
                heapPoolPeaks() / MB, (processCpuNanos() - cpuStart) / 1e9, (System.nanoTime() - wallStart) / 1e9);
    }

    /** The catalog indexed, and how it is described in the report. */
    private record Catalog(Path path, CatalogJson json) {
    }

    private static Catalog catalog(Options o, Path work) throws IOException {
        if (o.catalog() != null) {
            return new Catalog(o.catalog(), new CatalogJson(o.catalog().toString(), null));
        }
        if (o.items() > 0) {
            Path source = CatalogSource.sample().path();
            Path out = work.resolve("generated-" + o.items() + ".jsonl");
            long t = System.nanoTime();
            new CatalogGenerator(CatalogProfile.of(Catalogs.load(source).items()), o.seed()).write(o.items(), out);
            return new Catalog(out, new CatalogJson("generated: " + o.items() + " items, seed " + o.seed() + ", from "
                    + source, (System.nanoTime() - t) / 1e9));
        }
        Path path = WorkbenchConfig.defaults(o.dataDir()).catalog().path();
        return new Catalog(path, new CatalogJson(path.toString(), null));
    }

    private static IndexJson index(WorkbenchConfig cfg, boolean force) {
        try (Workbench wb = Workbench.open(cfg)) {
            System.err.println("bench: indexing " + cfg.catalog().path() + (cfg.indexSettings().embeddings()
                    ? " with embeddings" : " without embeddings"));
            long cpu = processCpuNanos();
            IndexReport r = wb.index(force, new ProgressBar(System.err), CancellationToken.none());
            return new IndexJson(cfg.indexSettings().embeddings(), r.stats().items(), r.buildMillis() / 1000.0,
                    (processCpuNanos() - cpu) / 1e9, r.stats().items() / Math.max(1e-3, r.buildMillis() / 1000.0));
        }
    }

    private static SearchJson search(SearchBenchmark bench, Options o) {
        System.err.println("bench: " + (o.warmup() + o.queries()) + " search rounds without the query embedding");
        LatencyJson without = LatencyJson.of(bench.search(o.queries(), o.warmup(), o.seed(), o.policy(), false));
        if (!bench.hasEmbeddings()) {
            return new SearchJson(o.policy(), o.queries(), o.warmup(), without, null,
                    "the index has no embeddings (build with --embeddings to time them)");
        }
        System.err.println("bench: " + (o.warmup() + o.queries()) + " search rounds with the query embedding");
        LatencyJson with = LatencyJson.of(bench.search(o.queries(), o.warmup(), o.seed(), o.policy(), true));
        return new SearchJson(o.policy(), o.queries(), o.warmup(), without, with, null);
    }

    private static SimulationJson simulate(SearchBenchmark bench, Options o) {
        System.err.println("bench: simulating " + (o.simulateWarmup() + o.simulatePasses()) + " passes of "
                + o.simulateRounds() + " rounds (" + o.simulateWarmup() + " to warm up), lexical arms, then all arms");
        SearchBenchmark.Throughput lexical = bench.simulate(o.scenario(), o.policy(), SearchBenchmark.LEXICAL_ARMS,
                o.simulateRounds(), o.simulateWarmup(), o.simulatePasses(), o.seed());
        SearchBenchmark.Throughput all = bench.simulate(o.scenario(), o.policy(), List.of(), o.simulateRounds(),
                o.simulateWarmup(), o.simulatePasses(), o.seed());
        return new SimulationJson(o.scenario(), o.policy(), o.simulateRounds(), o.simulateWarmup(),
                lexical.perSecond(), lexical.perCpuSecond(), lexical.passesPerSecond(), lexical.firstPassPerSecond(),
                lexical.arms(), lexical.searchesPerRequest(), all.perSecond(), all.perCpuSecond(),
                all.passesPerSecond(), all.firstPassPerSecond(), all.arms(), all.searchesPerRequest(),
                lexical.secondHalfPerSecond(), all.secondHalfPerSecond(), all.secondHalvesPerSecond(),
                all.arms().contains("dense") ? String.format(Locale.ROOT,
                        "offered: %d query embeddings asked in the last pass, %d computed (the rest from the pass's"
                                + " cache); in its second half %d asked, %d computed",
                        all.embeddingRequests(), all.embeddingsComputed(), all.secondHalfEmbeddingRequests(),
                        all.secondHalfEmbeddingsComputed())
                        : "not offered: the index has no vectors (build with --embeddings)");
    }

    static void print(EndToEndJson doc) {
        Json.fields(doc).forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %s%n", k,
                v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
    }

    /** The JSON form of the measurements; a part left out is absent, with a note saying why. */
    record EndToEndJson(@JsonUnwrapped BenchCommand.MachineJson machine, double heapMaxMb,
                        @JsonUnwrapped CatalogJson catalog, @JsonUnwrapped(prefix = "index_") IndexJson index,
                        int catalogItems, @JsonUnwrapped SearchJson search,
                        @JsonUnwrapped(prefix = "simulated_") SimulationJson simulation,
                        @JsonInclude(Include.NON_NULL) String simulationNote, double peakHeapMb,
                        double heapPoolPeaksMb, double processCpuS, double wallS) {
    }

    /** The catalog, and the time to generate it when it was generated. */
    record CatalogJson(String catalog, @JsonInclude(Include.NON_NULL) Double generateSeconds) {
    }

    /** The index build. */
    record IndexJson(boolean embeddings, int items, double seconds, double cpuS, double itemsPerS) {
    }

    /**
     * Search rounds without the query embedding, then with it (or why not). Its keys are spelt out with their
     * search_ prefix: Jackson drops an outer unwrapping prefix on the unwrapped latencies inside.
     */
    record SearchJson(String searchPolicy, int searchQueries, int searchWarmup,
                      @JsonUnwrapped(prefix = "search_") LatencyJson without,
                      @JsonUnwrapped(prefix = "search_with_embedding_") LatencyJson withEmbedding,
                      @JsonInclude(Include.NON_NULL) String searchWithEmbeddingNote) {
    }

    /** One kind of search round's latency. */
    record LatencyJson(double p50Ms, double p99Ms, double meanMs, double cpuP50Ms, double cpuP99Ms, double cpuMeanMs,
                       double policyUpdateCpuMeanUs) {
        static LatencyJson of(SearchBenchmark.Latency l) {
            return new LatencyJson(l.p50Ms(), l.p99Ms(), l.meanMs(), l.cpuP50Ms(), l.cpuP99Ms(), l.cpuMeanMs(),
                    l.updateCpuMeanUs());
        }
    }

    /**
     * Simulated searches per second, lexical arms first, then all the simulator's arms: over whole passes (each a
     * fresh simulation, its caches cold) and over each pass's second half (the steady rate of a long run).
     */
    record SimulationJson(String scenario, String policy, long rounds, int warmupPasses, double searchesPerS,
                          double searchesPerCpuS, @JsonProperty("searches_per_s_passes") List<Double> searchesPerSPasses,
                          double firstPassSearchesPerS, List<String> lexicalArms, double searchesPerArmRequest,
                          double allArmsSearchesPerS, double allArmsSearchesPerCpuS,
                          @JsonProperty("all_arms_searches_per_s_passes") List<Double> allArmsSearchesPerSPasses,
                          double allArmsFirstPassSearchesPerS, List<String> allArms,
                          double allArmsSearchesPerArmRequest, double secondHalfSearchesPerS,
                          double allArmsSecondHalfSearchesPerS,
                          @JsonProperty("all_arms_second_half_searches_per_s_passes")
                          List<Double> allArmsSecondHalfSearchesPerSPasses, String denseArm) {
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Sum of the heap pools' peak usages: an upper bound of the peak heap (pools peak at different times). */
    private static long heapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Samples the used heap every 20 ms on a daemon thread and keeps the maximum. */
    private static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(s);
            return s;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
        }

        long stop() {
            running = false;
            thread.interrupt();
            sample();
            return peak;
        }
    }
}
