package io.ltrr.engine.qu;

import io.ltrr.engine.catalog.Item;
import java.util.List;

/**
 * Manual benchmark (not a test): tagger build time and per-query tagging time on the real catalog.
 * Run: {@code java -cp <test classpath> io.ltrr.engine.qu.QuBench}. Results go to docs/benchmarks.md.
 */
public final class QuBench {

    private static final List<String> QUERIES = List.of("tayler love", "love", "90s trip hop", "trip hop radio",
            "ambient album", "orange horizon", "harvey taylor", "taylor sw", "the", "dark ambient 2009",
            "chiptune", "rain", "nineties techno tracks", "minimal tech house", "xyzzy plugh",
            "mike link and harvey taylor", "summer", "glitch hop", "deep hous", "experimantal");

    private QuBench() {
    }

    public static void main(String[] args) {
        List<Item> items = RealCatalog.items();
        CatalogTagger tagger = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            tagger = CatalogTagger.build(items);
            System.out.printf("build %d: %d items, %d phrases, %d tokens in %.0f ms%n", round, items.size(),
                    tagger.phraseCount(), tagger.vocabularySize(), (System.nanoTime() - t0) / 1e6);
        }
        for (int warm = 0; warm < 2000; warm++) {
            tagger.analyze(QUERIES.get(warm % QUERIES.size()));
        }
        for (String q : QUERIES) {
            int reps = 2000;
            long t0 = System.nanoTime();
            QueryAnalysis a = null;
            for (int r = 0; r < reps; r++) {
                a = tagger.analyze(q);
            }
            double us = (System.nanoTime() - t0) / 1e3 / reps;
            System.out.printf("%-30s %7.1f µs  %-9s conf=%.2f  %s%n", q, us, a.type(), a.confidence(), a.top().description());
            if (args.length > 0) {
                a.interpretations().forEach(i -> System.out.printf("      %.3f %s%n", i.likelihood(), i.description()));
            }
        }
    }
}
