package io.ltrr.app.cli;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.catalog.CatalogGenerator;
import io.ltrr.engine.catalog.CatalogProfile;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.catalog.FreemusiccDeriver;
import io.ltrr.engine.catalog.ItemType;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.io.LoadProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** {@code ltrr catalog …}: work on catalogs themselves. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Catalog tools.",
        subcommands = {CatalogCommand.Derive.class, CatalogCommand.Generate.class})
final class CatalogCommand {

    /** {@code ltrr catalog derive}: regenerates the shipped sample catalog from the freemusi.cc database. */
    @Command(name = "derive", mixinStandardHelpOptions = true,
            description = "Derive the sample catalog (tracks, artists, albums, style stations) from freemusi.cc CSVs.")
    static final class Derive implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--source", required = true, paramLabel = "DIR",
                description = "Folder with tracks.csv and releases.csv (e.g. ../shared/data/freemusicc).")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (e.g. sample-catalog).")
        Path out;

        @Override
        public Integer call() throws IOException {
            LoadResult result = FreemusiccDeriver.deriveSampleCatalog(source, out);
            for (LoadProblem p : result.problems()) {
                System.err.println("skipped " + p);
            }
            Map<String, Integer> byType = new TreeMap<>();
            result.items().forEach(i -> byType.merge(i.type().key(), 1, Integer::sum));
            if (common.json()) {
                Json.print(System.out, new DerivedJson(out.toString(), result.loaded(), result.skipped(), byType));
            } else {
                System.out.println("wrote " + out + ": " + result.summary() + " " + byType);
            }
            return 0;
        }
    }

    /**
     * {@code ltrr catalog generate}: a deterministic synthetic catalog of any size drawn from the sample catalog's
     * vocabulary and distributions (for benchmarks at scale), written streaming in the sample catalog format.
     */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a deterministic synthetic music catalog (sample catalog format) of N items from a "
                    + "real catalog's vocabulary and distributions; the same seed gives the same bytes.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--items", required = true, paramLabel = "N", description = "Items to write.")
        long items;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Output file (.jsonl, or .jsonl.gz for gzip).")
        Path out;

        @Option(names = "--source", paramLabel = "FILE|DIR",
                description = "The real catalog to draw from (default: the shipped sample catalog).")
        Path source;

        @Override
        public Integer call() throws IOException {
            if (items < 1) {
                throw new ParameterException(new CommandLine(this),
                        "--items must be at least 1, was " + items);
            }
            Path from = source != null ? source : CatalogSource.sample().path();
            LoadResult real = Catalogs.load(from);
            long start = System.nanoTime();
            Map<ItemType, Long> counts = new CatalogGenerator(CatalogProfile.of(real.items()), seed).write(items, out);
            double secs = (System.nanoTime() - start) / 1e9;
            Map<String, Long> byType = new TreeMap<>();
            counts.forEach((t, n) -> byType.put(t.key(), n));
            System.err.printf(Locale.ROOT, "ltrr: generated %d items in %.1f s%n", items, secs);
            if (common.json()) {
                Json.print(System.out, new GeneratedJson(out.toString(), items, seed, from.toString(), real.loaded(),
                        byType));
            } else {
                System.out.println("wrote " + out + ": " + items + " items " + byType + " (seed " + seed + ", drawn from "
                        + from + ")");
            }
            return 0;
        }
    }

    /** The JSON form of a derived catalog. */
    record DerivedJson(String out, int loaded, int skipped, Map<String, Integer> itemsByType) {
    }

    /** The JSON form of a generated catalog. */
    record GeneratedJson(String out, long items, long seed, String source, int sourceItems,
                         Map<String, Long> itemsByType) {
    }
}
