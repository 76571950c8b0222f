package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.compare.RankChange;
import io.ltrr.engine.compare.Snapshot;
import io.ltrr.engine.compare.SnapshotDiff;
import io.ltrr.engine.compare.SnapshotFiles;
import io.ltrr.engine.compare.SnapshotTaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr snapshot save|diff}: save a configuration's results for a query set; compare two snapshots. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Side-by-side comparison. 'snapshot save --queries FILE --out SNAP.json' runs every query "
                + "(one per line) through the arms (and optionally a ranker; no bandit round, nothing logged) and saves "
                + "the ranked results; "
                + "'snapshot diff A.json B.json' prints per query Jaccard@k, RBO and rank changes, and the means.")
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Parameters(index = "0", paramLabel = "ACTION", description = "save or diff")
    String action;

    @Parameters(index = "1..*", arity = "0..2", paramLabel = "SNAP", description = "for diff: A.json B.json")
    List<Path> snapshots = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "FILE", description = "for save: one query per line (blank and #-lines skipped)")
    Path queries;

    @Option(names = "--out", paramLabel = "FILE", description = "for save: the snapshot file to write")
    Path out;

    @Option(names = "--arm", paramLabel = "ID", description = "for save: arm of the configuration (repeatable; default all, fused by RRF)")
    List<String> arms = new ArrayList<>();

    @Option(names = "--ranker", paramLabel = "ID",
            description = "for save: order the union of the arms' candidates with this ranker's latest model (rrf, "
                    + "pairwise, lambdamart) instead of plain RRF")
    String ranker;

    @Option(names = "--k", defaultValue = "20", paramLabel = "N", description = "for save: results per query (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--label", defaultValue = "", paramLabel = "TEXT", description = "for save: description of the configuration")
    String label;

    @Option(names = "--at", defaultValue = "10", paramLabel = "K", description = "for diff: Jaccard cutoff (default: ${DEFAULT-VALUE})")
    int at;

    @Option(names = "--p", defaultValue = "0.9", description = "for diff: RBO persistence (default: ${DEFAULT-VALUE})")
    double p;

    @Override
    public Integer call() throws IOException {
        switch (action) {
            case "save" -> save();
            case "diff" -> diff();
            default -> throw new IllegalArgumentException("snapshot: unknown action '" + action + "' (save or diff)");
        }
        return 0;
    }

    private void save() throws IOException {
        if (queries == null || out == null) {
            throw new IllegalArgumentException("snapshot save needs --queries FILE and --out FILE");
        }
        List<String> qs = Files.readAllLines(queries, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Snapshot snap;
        try (Workbench wb = Workbench.open(backendOptions.apply(WorkbenchConfig.defaults(common.dataDir())))) {
            snap = SnapshotTaker.take(wb, qs, arms, k, label, ranker);
        }
        SnapshotFiles.write(snap, out);
        SavedJson doc = new SavedJson(out.toAbsolutePath().toString(), snap.queries().size(), snap.config());
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            System.out.println("saved " + snap.queries().size() + " queries to " + doc.out() + " " + snap.config());
        }
    }

    private void diff() {
        if (snapshots.size() != 2) {
            throw new IllegalArgumentException("snapshot diff needs two files: A.json B.json");
        }
        Snapshot a;
        Snapshot b;
        try {
            a = SnapshotFiles.read(snapshots.get(0));
            b = SnapshotFiles.read(snapshots.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SnapshotDiff d = SnapshotDiff.of(a, b, at, p);
        if (common.json()) {
            Json.print(System.out, DiffJson.of(d));
            return;
        }
        for (SnapshotDiff.QueryDiff q : d.queries()) {
            System.out.printf(Locale.ROOT, "%-40s jaccard@%d %.3f  rbo %.3f%n", q.query(), at, q.jaccard(), q.rbo());
            for (RankChange c : q.changes()) {
                if (c.kind() != RankChange.Kind.SAME) {
                    System.out.printf(Locale.ROOT, "    %s %-5s %-30s %s -> %s%n", arrow(c),
                            c.kind().name().toLowerCase(Locale.ROOT), c.itemId(), c.rankA() == null ? "-" : c.rankA(),
                            c.rankB() == null ? "-" : c.rankB());
                }
            }
        }
        System.out.printf(Locale.ROOT, "mean over %d queries: jaccard@%d %.3f  rbo %.3f%n", d.queries().size(), at,
                d.meanJaccard(), d.meanRbo());
        if (!d.onlyInA().isEmpty() || !d.onlyInB().isEmpty()) {
            System.out.println("only in A: " + d.onlyInA() + "; only in B: " + d.onlyInB());
        }
    }

    /** ↑ moved up in B, ↓ down, + only in B, − only in A, = same rank. */
    static String arrow(RankChange c) {
        return switch (c.kind()) {
            case UP -> "↑";
            case DOWN -> "↓";
            case NEW -> "+";
            case GONE -> "−";
            case SAME -> "=";
        };
    }

    /** The JSON form of a saved snapshot. */
    record SavedJson(String out, int queries, Map<String, String> config) {
    }

    /** The JSON form of a diff: the means (null when undefined), the queries of one side only, then per query. */
    record DiffJson(int k, double p, Double meanJaccard, Double meanRbo, List<String> onlyInA, List<String> onlyInB,
                    List<QueryJson> queries) {
        static DiffJson of(SnapshotDiff d) {
            return new DiffJson(d.k(), d.p(), Json.finite(d.meanJaccard()), Json.finite(d.meanRbo()), d.onlyInA(),
                    d.onlyInB(), d.queries().stream().map(QueryJson::of).toList());
        }
    }

    /** One query's overlap and rank changes. */
    record QueryJson(String query, double jaccard, double rbo, List<ChangeJson> rankChanges) {
        static QueryJson of(SnapshotDiff.QueryDiff q) {
            return new QueryJson(q.query(), q.jaccard(), q.rbo(), q.changes().stream()
                    .map(c -> new ChangeJson(c.itemId(), c.rankA(), c.rankB(),
                            c.kind().name().toLowerCase(Locale.ROOT))).toList());
        }
    }

    /** Where an item stands in A and in B (null where it is missing). */
    record ChangeJson(String itemId, Integer rankA, Integer rankB, String change) {
    }
}
