package io.ltrr.engine.compare;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.eval.Run;
import io.ltrr.engine.eval.TrecRun;
import io.ltrr.engine.export.JudgmentFiles;
import io.ltrr.engine.export.QueryIds;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.QuerySetRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A query set's work built on the facade, as snapshots are: its scores under the current configuration, a run
 * stored as a snapshot with its means, the next result to judge, exports, and the comparison of two
 * configurations. Results come from {@link SnapshotTaker} (no bandit round, nothing logged); scores from
 * {@link Workbench#scoreQuerySet}; storage from the facade's query-set methods.
 */
public final class QuerySetBench {
    /** Results taken per query (and candidates per arm); scores use the top {@value QuerySetScores#CUTOFF}. */
    public static final int DEPTH = 20;

    /** Export formats of a set. */
    public enum Export {
        QUEPID, TREC_QRELS, TREC_RUN;

        /** "quepid", "trec-qrels" or "trec-run". */
        public static Export parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "quepid" -> QUEPID;
                case "trec-qrels" -> TREC_QRELS;
                case "trec-run" -> TREC_RUN;
                default -> throw new IllegalArgumentException("format must be quepid, trec-qrels or trec-run, was '"
                        + text + "'");
            };
        }
    }

    /** A stored run and the scores it was stored with. */
    public record SetRun(QuerySetRun run, QuerySetScores scores) {
    }

    private QuerySetBench() {
    }

    /** The set of that name, or an IllegalArgumentException naming the sets there are. */
    public static QuerySet require(Workbench wb, String name) {
        return wb.querySet(name).orElseThrow(() -> new IllegalArgumentException("no query set named '" + name
                + "'; sets: " + wb.querySets().stream().map(QuerySet::name).toList()));
    }

    /** The results of a configuration for queries: taken now, or read from a stored run or a snapshot file. */
    public static Snapshot snapshot(Workbench wb, Configuration c, List<String> queries, ProgressListener progress,
                                    CancellationToken cancel) {
        return switch (c.kind()) {
            case CURRENT -> SnapshotTaker.take(wb, queries, List.of(), DEPTH, "current (every arm, ranker "
                    + wb.rankerId() + ")", wb.rankerId(), null, progress, cancel);
            case ARMS -> SnapshotTaker.take(wb, queries, c.arms(), DEPTH, c.toString(), c.ranker(), c.rankerVersion(),
                    progress, cancel);
            case RUN -> restrict(SnapshotFiles.parse(wb.querySetRun(c.runId()).orElseThrow(() ->
                    new IllegalArgumentException("no stored run " + c.runId())).snapshotJson(), "run " + c.runId()),
                    queries);
            case FILE -> {
                try {
                    yield restrict(SnapshotFiles.read(c.file()), queries);
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IllegalArgumentException("no such snapshot file: " + c.file(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + c.file() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** A set's scores under the current configuration against a judgment source. */
    public static QuerySetScores scores(Workbench wb, String set, JudgmentSource source) {
        QuerySet s = require(wb, set);
        Snapshot snap = snapshot(wb, Configuration.CURRENT, s.queries(), ProgressListener.NONE,
                CancellationToken.none());
        return wb.scoreQuerySet(set, results(snap), source);
    }

    /**
     * Runs the whole set against the current configuration, scores it and stores the run (its snapshot and
     * means). Progress is per query; cancelled, nothing is stored.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static SetRun run(Workbench wb, String set, JudgmentSource source, ProgressListener progress,
                             CancellationToken cancel) {
        QuerySet s = require(wb, set);
        Snapshot snap = snapshot(wb, Configuration.CURRENT, s.queries(), progress, cancel);
        QuerySetScores scores = wb.scoreQuerySet(set, results(snap), source);
        cancel.throwIfCancelled();
        QuerySetRun run = wb.saveQuerySetRun(set, snap.description(), SnapshotFiles.toJson(snap), scores);
        return new SetRun(run, scores);
    }

    /**
     * The first query of the set (in set order) whose current top 10 has an unjudged result, and that result;
     * queries are taken one at a time, so it stops at the first.
     */
    public static Optional<NextUnjudged> nextUnjudged(Workbench wb, String set, JudgmentSource source) {
        QuerySet s = require(wb, set);
        for (String q : s.queries()) {
            Snapshot snap = snapshot(wb, Configuration.CURRENT, List.of(q), ProgressListener.NONE,
                    CancellationToken.none());
            QueryScore score = wb.scoreQueries(set, List.of(q), results(snap), source).queries().getFirst();
            if (!score.unjudgedItems().isEmpty()) {
                String item = score.unjudgedItems().getFirst();
                return Optional.of(new NextUnjudged(q, item, score.results().indexOf(item) + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * Writes an export of a set: its queries' judgments as a Quepid CSV or TREC qrels, or a run's results as a
     * TREC run (the latest run when {@code runId} is null).
     */
    public static void export(Workbench wb, String set, Export format, JudgmentSource source, Long runId, Writer out)
            throws IOException {
        require(wb, set);
        switch (format) {
            case QUEPID -> JudgmentFiles.writeCsv(wb.querySetJudgments(set, source), out);
            case TREC_QRELS -> JudgmentFiles.writeQrels(wb.querySetJudgments(set, source), out);
            case TREC_RUN -> {
                QuerySetRun run = runId == null ? latestRun(wb, set) : wb.querySetRun(runId)
                        .filter(r -> r.setName().equals(set))
                        .orElseThrow(() -> new IllegalArgumentException("query set '" + set + "' has no run " + runId));
                TrecRun.write(trecRun(SnapshotFiles.parse(run.snapshotJson(), "run " + run.runId())),
                        "ltrr-run-" + run.runId(), out);
            }
        }
    }

    /**
     * Compares two configurations over a set's queries (or, with {@code query}, that one query): rank changes,
     * Jaccard@10 and RBO per query, and each side's scores against the judgment source.
     *
     * @param set   the set, or null when {@code query} is given alone
     * @param query one query to compare, or null for the whole set
     */
    public static ConfigComparison compare(Workbench wb, String set, String query, Configuration a, Configuration b,
                                           JudgmentSource source, ProgressListener progress,
                                           CancellationToken cancel) {
        if (set == null && query == null) {
            throw new IllegalArgumentException("compare needs a query set or a query");
        }
        List<String> queries = query != null ? List.of(query) : require(wb, set).queries();
        String label = set != null ? set : "query";
        Snapshot sa = snapshot(wb, a, queries, progress, cancel);
        Snapshot sb = snapshot(wb, b, queries, progress, cancel);
        return ConfigComparison.of(a.toString(), b.toString(), SnapshotDiff.of(sa, sb),
                wb.scoreQueries(label, queries, results(sa), source),
                wb.scoreQueries(label, queries, results(sb), source));
    }

    private static QuerySetRun latestRun(Workbench wb, String set) {
        List<QuerySetRun> runs = wb.querySetRuns(set);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("query set '" + set + "' has no run yet: ltrr queryset run " + set);
        }
        return runs.getLast();
    }

    /** A snapshot's results by query. */
    static Map<String, List<String>> results(Snapshot snap) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        snap.queries().forEach(q -> out.putIfAbsent(q.query(), q.itemIds()));
        return out;
    }

    static Run trecRun(Snapshot snap) {
        Run.Builder run = Run.builder();
        for (Snapshot.QueryResults q : snap.queries()) {
            q.results().forEach(r -> run.add(QueryIds.encode(q.query()), r.itemId(), r.score()));
        }
        return run.build();
    }

    /** The snapshot's results for the given queries only, in their order (queries it lacks are left out). */
    private static Snapshot restrict(Snapshot snap, List<String> queries) {
        Set<String> wanted = new HashSet<>(queries);
        Map<String, Snapshot.QueryResults> byQuery = new LinkedHashMap<>();
        snap.queries().stream().filter(q -> wanted.contains(q.query())).forEach(q -> byQuery.putIfAbsent(q.query(), q));
        List<Snapshot.QueryResults> kept = new ArrayList<>();
        queries.forEach(q -> {
            if (byQuery.containsKey(q)) {
                kept.add(byQuery.get(q));
            }
        });
        return new Snapshot(snap.description(), snap.config(), snap.createdAt(), kept);
    }
}
