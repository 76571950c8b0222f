package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.ColumnMapping;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.IndexStats;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
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

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BackendOptions backendOptions;

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

    @Option(names = "--embedding-model", paramLabel = "NAME",
            description = "Sentence-embedding model of the dense arm: minilm (all-MiniLM-L6-v2) or bge-small "
                    + "(bge-small-en-v1.5, queries prefixed with its retrieval instruction). Default: the folder's "
                    + "current model, minilm for a new folder. A change rebuilds the index.")
    String embeddingModel;

    @Option(names = "--force", description = "Rebuild even when the index is up to date.")
    boolean force;

    @Override
    public Integer call() {
        if (catalog == null && (format != null || mapping != null)) {
            throw new IllegalArgumentException((format != null ? "--format" : "--mapping")
                    + " describes the catalog file: give it with --catalog FILE");
        }
        Path dir = common.dataDirCreatingIt();
        // With --catalog given, a damaged record of the folder's previous catalog does not stand in the way.
        WorkbenchConfig config = catalog == null ? WorkbenchConfig.defaults(dir)
                : WorkbenchConfig.forCatalog(dir, new CatalogSource(catalog, format == null ? null : parseFormat(format),
                        mapping == null ? null : ColumnMapping.parse(mapping)));
        IndexSettings settings = config.indexSettings().withEmbeddings(!noEmbeddings);
        if (embeddingModel != null) {
            settings = settings.withEmbeddingModel(embeddingModel);
        }
        config = storeOptions.apply(backendOptions.apply(config.withIndexSettings(settings)));
        try (Workbench wb = Workbench.open(config)) {
            IndexReport report = wb.index(force, phases(new ProgressBar(System.err)), CancellationToken.none());
            print(report, config.backend());
        }
        return 0;
    }

    /**
     * Says on stderr which phase the build is in before its progress bar (ADR 0013: the lexical index, then the
     * embeddings, then their graph; an interrupted embedding resumes where it stopped).
     */
    static ProgressListener phases(ProgressListener bar) {
        String[] last = {""};
        return (phase, done, total) -> {
            if (!phase.equals(last[0])) {
                last[0] = phase;
                String what = switch (phase) {
                    case "lexical index" -> "phase 1/3: lexical index (searches can run once it is built)";
                    case "merging" -> "phase 1/3: merging the lexical index";
                    case "embedding" -> "phase 2/3: embeddings (an interrupted run resumes here: " + done
                            + " of " + total + " items already embedded)";
                    case "vector graph" -> "phase 3/3: vector graph (the dense arm is offered once it is built)";
                    default -> phase;
                };
                System.err.println("ltrr index: " + what);
            }
            bar.progress(phase, done, total);
        };
    }

    static CatalogFormat parseFormat(String name) {
        try {
            return CatalogFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: unknown format '" + name + "' (expected sample, csv, jsonl or beir)");
        }
    }

    private void print(IndexReport r, BackendChoice backend) {
        String where = backend.isEmbedded() ? common.dataDirCreatingIt().toString() : backend.describe();
        PrintStream err = System.err;
        for (LoadProblem p : r.problems()) {
            err.println("skipped " + p);
        }
        if (common.json()) {
            IndexStats s = r.stats();
            Json.print(System.out, new IndexJson(r.catalog(), r.loaded(), r.problems().size(), r.rebuilt(),
                    r.reason(), r.buildMillis(), s.items(), s.itemsByType(), s.analyzer(), s.embeddingModel(), s.fingerprint(),
                    s.sizeBytes(), s.builtAt(), common.dataDirCreatingIt().toString(), backend.kind(), where, s.vectors(),
                    s.hasVectors()));
            return;
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "catalog   %s (loaded %d, skipped %d)%n", r.catalog(), r.loaded(), r.problems().size());
        out.printf(Locale.ROOT, "index     %s%n", r.rebuilt() ? "built in " + r.buildMillis() / 1000.0 + " s (" + r.reason() + ")"
                : "up to date (built " + r.stats().builtAt() + ")" + r.reason().replaceFirst("^up to date", ""));
        out.printf(Locale.ROOT, "items     %d %s%n", r.stats().items(), r.stats().itemsByType());
        out.printf(Locale.ROOT, "analyzer  %s, embeddings %s%n", r.stats().analyzer(),
                r.stats().embeddingModel().isEmpty() ? "none" : r.stats().embeddingModel()
                        + (r.stats().hasVectors() ? " (complete)" : " (not complete)"));
        out.printf(Locale.ROOT, "size      %.1f MB in %s%n", r.stats().sizeBytes() / 1e6, where);
    }

    /** The JSON form of an index report: the build, then the index's stats. */
    record IndexJson(String catalog, int loaded, int skipped, boolean rebuilt, String reason, long buildMs, int items,
                     Map<String, Integer> itemsByType, String analyzer, String embeddingModel, String fingerprint,
                     long sizeBytes, String builtAt, String dataDir, String backend, String location,
                     int itemsWithVectors, boolean vectorsComplete) {
    }
}
