package io.ltrr.app.cli;

import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.export.ExportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr export KIND --out FILE}: the log and derived judgments as files for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the log: impressions, clicks, ratings (csv or jsonl), vw (Vowpal Wabbit ADF, one "
                + "example per chosen arm), qrels (TREC) or quepid (query,docid,rating) from the ratings, run (TREC "
                + "run of the latest shown list per query). Run it while no workbench has the data folder open.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "KIND", description = "impressions, clicks, ratings, vw, qrels, quepid, run")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FMT",
            description = "csv or jsonl, for impressions, clicks and ratings (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        DataExport.Kind k = DataExport.Kind.parse(kind);
        ExportFormat f = ExportFormat.parse(format);
        try (DataExport data = DataExport.open(common.dataDir());
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            data.export(k, f, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", k.name().toLowerCase(Locale.ROOT));
        doc.put("format", f.name().toLowerCase(Locale.ROOT));
        doc.put("out", out.toAbsolutePath().toString());
        try {
            doc.put("lines", Files.lines(out, StandardCharsets.UTF_8).count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.println("wrote " + doc.get("lines") + " lines to " + doc.get("out"));
        }
        return 0;
    }
}
