package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.UbiExport;
import io.ltrr.engine.api.UbiImport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.store.Judgment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ltrr import ubi} and {@code ltrr export ubi}: User Behavior Insights logs (the UBI 1.x schemas, as
 * OpenSearch's UBI plugin writes them) into the feedback store, and the own log out as UBI.
 */
final class UbiCommands {
    /** The files {@code export ubi} writes into its folder, named as OpenSearch's UBI indexes are. */
    static final String QUERIES_FILE = "ubi_queries.ndjson";
    static final String EVENTS_FILE = "ubi_events.ndjson";

    private UbiCommands() {
    }

    /** Imports a query and an event file as a source (by default the query file's name); the exit code. */
    static int importLog(CommonOptions common, StoreOptions storeOptions, Path queries, Path events, String source,
                         boolean replace) {
        if (queries == null || events == null) {
            throw new IllegalArgumentException("import ubi needs --queries FILE and --events FILE");
        }
        String src = Judgment.checkSource(source != null ? source : queries.getFileName().toString());
        Path dir = common.dataDirCreatingIt();
        UbiImport r;
        try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaultsWithoutCatalog(dir)))) {
            r = wb.ubi().importLog(queries, events, src, replace);
        }
        if (common.json()) {
            Json.print(System.out, new ImportJson(r.source(), r.imported(), r.queries(), r.events(), r.hits(),
                    r.clicks(), r.unplacedClicks(), r.eventsOfUnknownQueries(), r.catalogMatched(),
                    r.unmatchedHitIds(), r.unmatchedObjectIds(), r.unmatchedExamples(), r.replaced().isPresent(),
                    r.problems().stream().map(p -> new ProblemJson(p.file(), p.line(), p.reason())).toList()));
        } else {
            for (LoadProblem p : r.problems()) {
                System.err.println(p);
            }
            printImport(r, queries);
        }
        return r.imported() && r.problems().isEmpty() ? 0 : 1;
    }

    private static void printImport(UbiImport r, Path queries) {
        if (!r.imported()) {
            System.out.println("nothing imported: no valid UBI query in " + queries + "; source '" + r.source()
                    + "' is unchanged");
            return;
        }
        System.out.println("imported UBI log '" + r.source() + "': " + r.queries() + " queries (" + r.hits()
                + " hits shown), " + r.events() + " events (" + r.clicks() + " clicks on its queries"
                + (r.unplacedClicks() > 0 ? ", " + r.unplacedClicks() + " of them on no shown result" : "") + ")"
                + (r.eventsOfUnknownQueries() > 0 ? "; " + r.eventsOfUnknownQueries()
                + " events name a query the log does not have" : ""));
        if (!r.catalogMatched()) {
            System.out.println("ids not matched against the catalog: it is not indexed yet (ltrr index)");
        } else if (r.unmatchedHitIds() + r.unmatchedObjectIds() == 0) {
            System.out.println("every hit id and object id is in the catalog");
        } else {
            System.out.println("not in the catalog: " + r.unmatchedHitIds() + " distinct hit ids, "
                    + r.unmatchedObjectIds() + " distinct object ids (e.g. " + String.join(", ", r.unmatchedExamples())
                    + ")");
        }
        r.replaced().ifPresent(old -> System.out.println("replaced the log source '" + r.source() + "' held ("
                + old.queries() + " queries, " + old.events() + " events, imported " + old.importedAt() + ")"));
    }

    /** Writes the own log as UBI NDJSON into {@code out} (created when missing); the exit code. */
    static int exportLog(CommonOptions common, StoreOptions storeOptions, Path out) {
        Path dir = common.existingDataDir();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + out + ": " + e.getMessage(), e);
        }
        UbiExport r;
        try (Workbench wb = Workbench.openForReading(storeOptions.apply(WorkbenchConfig.defaultsWithoutCatalog(dir)))) {
            wb.readingCopyOf().ifPresent(why -> System.err.println("ltrr: " + why));
            r = wb.ubi().exportLog(out.resolve(QUERIES_FILE), out.resolve(EVENTS_FILE));
        }
        ExportJson doc = new ExportJson(r.queriesFile().toAbsolutePath().toString(), r.queries(),
                r.eventsFile().toAbsolutePath().toString(), r.events());
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.println("wrote " + doc.queries() + " UBI queries to " + doc.queriesFile() + " and "
                    + doc.events() + " events (clicks and ratings) to " + doc.eventsFile());
        }
        return 0;
    }

    /** The JSON form of a UBI import. */
    record ImportJson(String source, boolean imported, int queries, int events, int hits, int clicks,
                      int unplacedClicks, int eventsOfUnknownQueries, boolean catalogMatched, int unmatchedHitIds,
                      int unmatchedObjectIds, List<String> unmatchedExamples, boolean replaced,
                      List<ProblemJson> problems) {
    }

    /** A skipped record: its file, the line it starts on, why. */
    record ProblemJson(String file, long line, String reason) {
    }

    /** The JSON form of a UBI export. */
    record ExportJson(String queriesFile, int queries, String eventsFile, int events) {
    }
}
