package io.ltrr.app.cli;

import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ltrr import judgments FILE}: relevance judgments from TREC qrels or CSV into the feedback store;
 * {@code ltrr import ubi --queries F --events F}: a User Behavior Insights log ({@link UbiCommands}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import relevance judgments (import judgments FILE) from TREC qrels or a query,docid,rating "
                + "CSV, grades 0..3. Judgments are added to their source (a pair already there takes the new grade); "
                + "--replace replaces the source's judgments instead. A file with no valid line changes nothing. "
                + "Or a UBI log (import ubi --queries FILE --events FILE): User Behavior Insights 1.x query and "
                + "event documents, NDJSON or a JSON array, stored as a source; a source that holds a log is only "
                + "replaced with --replace. Malformed lines are skipped and listed with their line numbers (exit "
                + "code 1 if any).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "WHAT", description = "judgments or ubi")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The judgments file to read.")
    Path file;

    @Option(names = "--queries", paramLabel = "FILE", description = "ubi: the UBI query documents (ubi_queries).")
    Path queries;

    @Option(names = "--events", paramLabel = "FILE", description = "ubi: the UBI event documents (ubi_events).")
    Path events;

    @Option(names = "--format", paramLabel = "FMT",
            description = "trec or csv (default: csv for *.csv files, else trec).")
    String format;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Source name stored with them (default: the file name; for ubi the query file's).")
    String source;

    @Option(names = "--replace", description = "Replace the source's judgments instead of adding to them; ubi: "
            + "replace the log the source holds (refused without it).")
    boolean replace;

    @Override
    public Integer call() {
        if ("ubi".equals(what)) {
            if (file != null || format != null) {
                throw new IllegalArgumentException("import ubi takes --queries FILE and --events FILE, not a FILE "
                        + "or --format");
            }
            return UbiCommands.importLog(common, storeOptions, queries, events, source, replace);
        }
        if (!"judgments".equals(what)) {
            throw new IllegalArgumentException("import: only 'judgments' or 'ubi' can be imported, not '" + what + "'");
        }
        if (file == null || queries != null || events != null) {
            throw new IllegalArgumentException("import judgments takes one FILE (--queries and --events are for "
                    + "import ubi)");
        }
        DataExport.JudgmentFormat f = format(file, format);
        String src = source != null ? source : file.getFileName().toString();
        Judgment.checkSource(src);
        DataExport.JudgmentImport read;
        try (DataExport data = DataExport.open(common.dataDirCreatingIt(),
                storeOptions.choice(common.dataDirCreatingIt()))) {
            read = data.importJudgments(file, f, src, replace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Judgments.ImportCount n = read.count();
        if (common.json()) {
            Json.print(System.out, new ImportJson(src, f.name().toLowerCase(Locale.ROOT), read.valid(), n.added(),
                    n.updated(), n.unchanged(), n.removed(), replace,
                    read.problems().stream().map(p -> new ProblemJson(p.line(), p.reason())).toList()));
        } else {
            for (LoadProblem p : read.problems()) {
                System.err.println(p);
            }
            if (read.valid() == 0) {
                System.out.println("nothing imported: no valid judgment in " + file + "; source '" + src
                        + "' is unchanged");
            } else {
                System.out.println("imported " + read.valid() + " judgments as source '" + src + "' (" + n.added()
                        + " new, " + n.updated() + " updated, " + n.unchanged() + " unchanged"
                        + (replace ? ", " + n.removed() + " removed" : "") + ")");
            }
        }
        return read.problems().isEmpty() && read.valid() > 0 ? 0 : 1;
    }

    private static DataExport.JudgmentFormat format(Path file, String format) {
        if (format == null) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? DataExport.JudgmentFormat.CSV : DataExport.JudgmentFormat.TREC;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "trec" -> DataExport.JudgmentFormat.TREC;
            case "csv" -> DataExport.JudgmentFormat.CSV;
            default -> throw new IllegalArgumentException("--format must be trec or csv, was '" + format + "'");
        };
    }

    /** The JSON form of an import: how many judgments, what they did to the source, and the lines skipped. */
    record ImportJson(String source, String format, int imported, int added, int updated, int unchanged, int removed,
                      boolean replace, List<ProblemJson> problems) {
    }

    /** A skipped line. */
    record ProblemJson(long line, String reason) {
    }
}
