package io.ltrr.app.cli;

import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.export.ExportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr export KIND --out FILE}: the log and derived judgments as files for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the log: impressions, clicks, ratings (csv or jsonl), vw (Vowpal Wabbit ADF, one "
                + "example per chosen arm), qrels (TREC) or quepid (query,docid,rating) from the ratings, run (TREC "
                + "run of the latest shown list per query), or ubi (the searches as UBI queries, clicks and ratings "
                + "as UBI events: --out names a folder, which gets ubi_queries.ndjson and ubi_events.ndjson). Run it "
                + "while no workbench has the data folder open.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "impressions, clicks, ratings, vw, qrels, quepid, run, ubi")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write (replaced); for ubi a folder.")
    Path out;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FMT",
            description = "csv or jsonl, for impressions, clicks and ratings (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if ("ubi".equals(kind.trim())) {
            return UbiCommands.exportLog(common, storeOptions, out);
        }
        DataExport.Kind k = DataExport.Kind.parse(kind);
        ExportFormat f = ExportFormat.parse(format);
        try (DataExport data = DataExport.openForReading(common.existingDataDir(),
                storeOptions.choice(common.existingDataDir()));
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            data.export(k, f, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        ExportJson doc = new ExportJson(k.name().toLowerCase(Locale.ROOT), f.name().toLowerCase(Locale.ROOT),
                out.toAbsolutePath().toString(), lines(out));
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.println("wrote " + doc.lines() + " lines to " + doc.out());
        }
        return 0;
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON form of an export: what was written where. */
    record ExportJson(String kind, String format, String out, long lines) {
    }
}
