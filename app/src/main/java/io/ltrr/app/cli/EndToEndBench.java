package io.ltrr.app.cli;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.Workbench;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ltrr bench --end-to-end}: index build rate, search round latency (without and with the query embedding),
 * simulated searches per second, peak heap and process CPU time, on a catalog indexed into a scratch folder.
 */
final class EndToEndBench {
    private static final double MB = 1024.0 * 1024.0;

    record Options(Path dataDir, Path catalog, long items, long seed, Path work, boolean embeddings, String policy,
                   int queries, int warmup, long simulateRounds, int simulateWarmup, int simulatePasses,
                   String scenario) {
    }

    private EndToEndBench() {
    }

    static Map<String, Object> run(Options o) throws IOException {
        HeapSampler heap = HeapSampler.start();
        long wallStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        Path work = o.work() != null ? o.work() : Files.createTempDirectory("ltrr-bench-e2e");
        Files.createDirectories(work);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        doc.put("heap_max_mb", Runtime.getRuntime().maxMemory() / MB);
        try {
            Path catalog = catalog(o, work, doc);
            WorkbenchConfig cfg = WorkbenchConfig.defaults(work).withCatalog(CatalogSource.of(catalog));
            cfg = cfg.withIndexSettings(cfg.indexSettings().withEmbeddings(o.embeddings()));
            index(cfg, doc);
            try (SearchBenchmark bench = SearchBenchmark.open(work, cfg.armSettings())) {
                doc.put("catalog_items", bench.items());
                search(bench, o, doc);
                if (o.simulateRounds() > 0) {
                    simulate(bench, o, doc);
                } else {
                    doc.put("simulation_note", "skipped (--simulate-rounds 0)");
                }
            }
        } finally {
            if (o.work() == null) {
                delete(work);
            }
        }
        doc.put("peak_heap_mb", heap.stop() / MB);
        doc.put("heap_pool_peaks_mb", heapPoolPeaks() / MB);
        doc.put("process_cpu_s", (processCpuNanos() - cpuStart) / 1e9);
        doc.put("wall_s", (System.nanoTime() - wallStart) / 1e9);
        return doc;
    }

    private static Path catalog(Options o, Path work, Map<String, Object> doc) throws IOException {
        if (o.catalog() != null) {
            doc.put("catalog", o.catalog().toString());
            return o.catalog();
        }
        if (o.items() > 0) {
            Path source = CatalogSource.sample().path();
            Path out = work.resolve("generated-" + o.items() + ".jsonl");
            long t = System.nanoTime();
            new CatalogGenerator(CatalogProfile.of(Catalogs.load(source).items()), o.seed()).write(o.items(), out);
            doc.put("catalog", "generated: " + o.items() + " items, seed " + o.seed() + ", from " + source);
            doc.put("generate_seconds", (System.nanoTime() - t) / 1e9);
            return out;
        }
        Path path = WorkbenchConfig.defaults(o.dataDir()).catalog().path();
        doc.put("catalog", path.toString());
        return path;
    }

    private static void index(WorkbenchConfig cfg, Map<String, Object> doc) {
        try (Workbench wb = Workbench.open(cfg)) {
            System.err.println("bench: indexing " + cfg.catalog().path() + (cfg.indexSettings().embeddings()
                    ? " with embeddings" : " without embeddings"));
            long cpu = processCpuNanos();
            IndexReport r = wb.index(true, new ProgressBar(System.err), CancellationToken.none());
            doc.put("index_embeddings", cfg.indexSettings().embeddings());
            doc.put("index_items", r.stats().items());
            doc.put("index_seconds", r.buildMillis() / 1000.0);
            doc.put("index_cpu_s", (processCpuNanos() - cpu) / 1e9);
            doc.put("index_items_per_s", r.stats().items() / Math.max(1e-3, r.buildMillis() / 1000.0));
        }
    }

    private static void search(SearchBenchmark bench, Options o, Map<String, Object> doc) {
        System.err.println("bench: " + (o.warmup() + o.queries()) + " search rounds without the query embedding");
        doc.put("search_policy", o.policy());
        doc.put("search_queries", o.queries());
        doc.put("search_warmup", o.warmup());
        put(doc, "search_", bench.search(o.queries(), o.warmup(), o.seed(), o.policy(), false));
        if (bench.hasEmbeddings()) {
            System.err.println("bench: " + (o.warmup() + o.queries()) + " search rounds with the query embedding");
            put(doc, "search_with_embedding_", bench.search(o.queries(), o.warmup(), o.seed(), o.policy(), true));
        } else {
            doc.put("search_with_embedding_note", "the index has no embeddings (build with --embeddings to time them)");
        }
    }

    private static void put(Map<String, Object> doc, String prefix, SearchBenchmark.Latency l) {
        doc.put(prefix + "p50_ms", l.p50Ms());
        doc.put(prefix + "p99_ms", l.p99Ms());
        doc.put(prefix + "mean_ms", l.meanMs());
        doc.put(prefix + "cpu_p50_ms", l.cpuP50Ms());
        doc.put(prefix + "cpu_p99_ms", l.cpuP99Ms());
        doc.put(prefix + "cpu_mean_ms", l.cpuMeanMs());
        doc.put(prefix + "policy_update_cpu_mean_us", l.updateCpuMeanUs());
    }

    private static void simulate(SearchBenchmark bench, Options o, Map<String, Object> doc) {
        System.err.println("bench: simulating " + (o.simulateWarmup() + o.simulatePasses()) + " passes of "
                + o.simulateRounds() + " rounds (" + o.simulateWarmup() + " to warm up), lexical arms, then all arms");
        SearchBenchmark.Throughput lexical = bench.simulate(o.scenario(), o.policy(), SearchBenchmark.LEXICAL_ARMS,
                o.simulateRounds(), o.simulateWarmup(), o.simulatePasses(), o.seed());
        SearchBenchmark.Throughput all = bench.simulate(o.scenario(), o.policy(), List.of(), o.simulateRounds(),
                o.simulateWarmup(), o.simulatePasses(), o.seed());
        doc.put("simulated_scenario", o.scenario());
        doc.put("simulated_policy", o.policy());
        doc.put("simulated_rounds", o.simulateRounds());
        doc.put("simulated_warmup_passes", o.simulateWarmup());
        doc.put("simulated_searches_per_s", lexical.perSecond());
        doc.put("simulated_searches_per_cpu_s", lexical.perCpuSecond());
        doc.put("simulated_searches_per_s_passes", lexical.passesPerSecond());
        doc.put("simulated_first_pass_searches_per_s", lexical.firstPassPerSecond());
        doc.put("simulated_lexical_arms", lexical.arms());
        doc.put("simulated_searches_per_arm_request", lexical.searchesPerRequest());
        doc.put("simulated_all_arms_searches_per_s", all.perSecond());
        doc.put("simulated_all_arms_searches_per_cpu_s", all.perCpuSecond());
        doc.put("simulated_all_arms_searches_per_s_passes", all.passesPerSecond());
        doc.put("simulated_all_arms_first_pass_searches_per_s", all.firstPassPerSecond());
        doc.put("simulated_all_arms", all.arms());
        doc.put("simulated_all_arms_searches_per_arm_request", all.searchesPerRequest());
        doc.put("simulated_dense_arm", "not offered by the simulator (embedding every simulated query would dominate)");
    }

    static void print(Map<String, Object> doc) {
        doc.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-40s %s%n", k,
                v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
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
