package io.ltrr.app.cli;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.ColumnMapping;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.progress.CancellationToken;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr index}: builds (or checks) the catalog index and prints its stats. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the catalog index (only when the catalog or settings changed) and print its stats.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--catalog", paramLabel = "FILE|DIR",
            description = "Catalog to index. Default: the catalog last indexed in this data folder, else the sample catalog.")
    Path catalog;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "sample, csv, jsonl or beir. Default: detected from the path.")
    String format;

    @Option(names = "--mapping", paramLabel = "SPEC",
            description = "Column mapping for csv/jsonl, e.g. id=track_id,title=name,artist=performer.")
    String mapping;

    @Option(names = "--no-embeddings", description = "Skip sentence embeddings (no dense arm; much faster).")
    boolean noEmbeddings;

    @Option(names = "--force", description = "Rebuild even when the index is up to date.")
    boolean force;

    @Override
    public Integer call() {
        WorkbenchConfig config = WorkbenchConfig.defaults(common.dataDir());
        if (catalog != null) {
            config = config.withCatalog(new CatalogSource(catalog, format == null ? null : parseFormat(format),
                    mapping == null ? null : ColumnMapping.parse(mapping)));
        }
        config = config.withIndexSettings(config.indexSettings().withEmbeddings(!noEmbeddings));
        try (Workbench wb = Workbench.open(config)) {
            IndexReport report = wb.index(force, new ProgressBar(System.err), CancellationToken.none());
            print(report);
        }
        return 0;
    }

    static CatalogFormat parseFormat(String name) {
        try {
            return CatalogFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: unknown format '" + name + "' (expected sample, csv, jsonl or beir)");
        }
    }

    private void print(IndexReport r) {
        PrintStream err = System.err;
        for (LoadProblem p : r.problems()) {
            err.println("skipped " + p);
        }
        if (common.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("catalog", r.catalog());
            doc.put("loaded", r.loaded());
            doc.put("skipped", r.problems().size());
            doc.put("rebuilt", r.rebuilt());
            doc.put("build_ms", r.buildMillis());
            doc.put("items", r.stats().items());
            doc.put("items_by_type", r.stats().itemsByType());
            doc.put("analyzer", r.stats().analyzer());
            doc.put("embedding_model", r.stats().embeddingModel());
            doc.put("fingerprint", r.stats().fingerprint());
            doc.put("size_bytes", r.stats().sizeBytes());
            doc.put("built_at", r.stats().builtAt());
            doc.put("data_dir", common.dataDir().toString());
            Json.print(System.out, doc);
            return;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "catalog   %s (loaded %d, skipped %d)%n", r.catalog(), r.loaded(), r.problems().size());
        out.printf(Locale.ROOT, "index     %s%n", r.rebuilt() ? "built in " + r.buildMillis() / 1000.0 + " s"
                : "up to date (built " + r.stats().builtAt() + ")");
        out.printf(Locale.ROOT, "items     %d %s%n", r.stats().items(), r.stats().itemsByType());
        out.printf(Locale.ROOT, "analyzer  %s, embeddings %s%n", r.stats().analyzer(),
                r.stats().hasVectors() ? r.stats().embeddingModel() : "none");
        out.printf(Locale.ROOT, "size      %.1f MB in %s%n", r.stats().sizeBytes() / 1e6, common.dataDir());
    }
}
