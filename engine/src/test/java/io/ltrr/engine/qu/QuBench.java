package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.Item;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Manual benchmark (not a test): tagger build time and per-query tagging time on the real catalog.
 * Run: {@code java -cp <test classpath> io.ltrr.engine.qu.QuBench}. Both wall-clock and thread CPU time
 * are printed: on a shared machine the CPU time is the figure that does not depend on other load.
 */
public final class QuBench {

    private static final List<String> QUERIES = List.of("tayler love", "love", "90s trip hop", "trip hop radio",
            "ambient album", "orange horizon", "harvey taylor", "taylor sw", "the", "dark ambient 2009",
            "chiptune", "rain", "nineties techno tracks", "minimal tech house", "xyzzy plugh",
            "mike link and harvey taylor", "summer", "glitch hop", "deep hous", "experimantal");

    private QuBench() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Item> items = RealCatalog.items();
        CatalogTagger tagger = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            tagger = CatalogTagger.build(items).uncached(); // each repetition analyses anew
            System.out.printf("build %d: %d items, %d phrases, %d tokens in %.0f ms wall, %.0f ms cpu%n", round,
                    items.size(), tagger.phraseCount(), tagger.vocabularySize(), (System.nanoTime() - t0) / 1e6,
                    (threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        for (int warm = 0; warm < 2000; warm++) {
            tagger.analyze(QUERIES.get(warm % QUERIES.size()));
        }
        double totalCpu = 0;
        for (String q : QUERIES) {
            int reps = 2000;
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            QueryAnalysis a = null;
            for (int r = 0; r < reps; r++) {
                a = tagger.analyze(q);
            }
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / reps;
            double us = (System.nanoTime() - t0) / 1e3 / reps;
            totalCpu += cpu;
            System.out.printf("%-30s %7.1f µs wall %7.1f µs cpu  %-9s conf=%.2f  %s%n", q, us, cpu, a.type(),
                    a.confidence(), a.top().description());
            if (args.length > 0) {
                a.interpretations().forEach(i -> System.out.printf("      %.3f %s%n", i.likelihood(), i.description()));
            }
        }
        System.out.printf("mean cpu per query: %.1f µs%n", totalCpu / QUERIES.size());
    }
}
