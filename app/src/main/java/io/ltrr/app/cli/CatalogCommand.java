package io.ltrr.app.cli;

import io.ltrr.engine.catalog.FreemusiccDeriver;
import io.ltrr.engine.catalog.LoadProblem;
import io.ltrr.engine.catalog.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr catalog …}: work on catalogs themselves. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Catalog tools.",
        subcommands = CatalogCommand.Derive.class)
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
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("out", out.toString());
                doc.put("loaded", result.loaded());
                doc.put("skipped", result.skipped());
                doc.put("items_by_type", byType);
                Json.print(System.out, doc);
            } else {
                System.out.println("wrote " + out + ": " + result.summary() + " " + byType);
            }
            return 0;
        }
    }
}
