package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QueryScore;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.compare.NextUnjudged;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.store.QuerySetRun;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr queryset show|run|history}: a set's scores now, a stored run, the runs over time. */
final class QuerySetScoreCommands {
    static final String JUDGMENTS_HELP = "own (the log's ratings), imported:SOURCE, or all (default: ${DEFAULT-VALUE})";

    private QuerySetScoreCommands() {
    }

    /** A mean to three decimals, or "-" when no query had a judged relevant result. */
    static String figure(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** {@code ltrr queryset show NAME [--judgments …]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Runs every query of the set through the current configuration (every arm, the active "
                    + "ranker; nothing logged) and prints per query nDCG@10, P@10, MRR@10 and the unjudged top-10 "
                    + "results, the means over queries with a judged relevant result, and the next result to judge.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--judgments", paramLabel = "SOURCE", defaultValue = "all", description = JUDGMENTS_HELP)
        String judgments;

        @Override
        public Integer call() {
            JudgmentSource source = JudgmentSource.parse(judgments);
            QuerySetScores s;
            try (Workbench wb = QuerySetCommand.open(common, storeOptions)) {
                s = QuerySetBench.scores(wb, name, source);
            }
            if (common.json()) {
                Json.print(System.out, QuerySetJson.Shown.of(s));
                return 0;
            }
            System.out.printf(Locale.ROOT, "%-40s %8s %6s %7s %9s%n", "query (judgments " + s.judgments() + ")",
                    "ndcg@10", "p@10", "mrr@10", "unjudged");
            for (QueryScore q : s.queries()) {
                System.out.printf(Locale.ROOT, "%-40s %8.3f %6.3f %7.3f %9d%s%n", q.query(), q.ndcg(), q.precision(),
                        q.mrr(), q.unjudged(), q.relevantJudged() ? "" : "  (no relevant judgment)");
            }
            System.out.printf(Locale.ROOT, "%-40s %8s %6s %7s %9d%n", "mean over " + s.judgedQueries()
                    + " judged queries", figure(s.meanNdcg()), figure(s.meanPrecision()), figure(s.meanMrr()),
                    s.unjudged());
            NextUnjudged.of(s).ifPresent(n -> System.out.printf(Locale.ROOT,
                    "next to judge: '%s', result %d (%s)%n", n.query(), n.rank(), n.itemId()));
            return 0;
        }
    }

    /** {@code ltrr queryset run NAME}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs the whole set against the current configuration (progress on stderr), scores it "
                    + "and stores the results as a snapshot with the means; prints the run id and the means.")
    static final class Run implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--judgments", paramLabel = "SOURCE", defaultValue = "all", description = JUDGMENTS_HELP)
        String judgments;

        @Override
        public Integer call() {
            JudgmentSource source = JudgmentSource.parse(judgments);
            QuerySetBench.SetRun run;
            try (Workbench wb = QuerySetCommand.open(common, storeOptions)) {
                ProgressListener progress = new ProgressBar(System.err);
                run = QuerySetBench.run(wb, name, source, progress, CancellationToken.none());
            }
            QuerySetRun r = run.run();
            if (common.json()) {
                Json.print(System.out, QuerySetJson.RunJson.of(r));
            } else {
                System.out.printf(Locale.ROOT, "run %d of '%s': ndcg@10 %s  p@10 %s  mrr@10 %s  "
                        + "(judgments %s, %d unjudged in the top 10s)%n", r.runId(), r.setName(), figure(r.ndcg()),
                        figure(r.precision()), figure(r.mrr()), r.judgments(), r.unjudged());
            }
            return 0;
        }
    }

    /** {@code ltrr queryset history NAME}. */
    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The set's runs, oldest first, each with its mean nDCG@10, P@10 and MRR@10.")
    static final class History implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            List<QuerySetRun> runs;
            try (Workbench wb = QuerySetCommand.open(common, storeOptions)) {
                QuerySetBench.require(wb, name);
                runs = wb.querySetRuns(name);
            }
            if (common.json()) {
                Json.print(System.out, new QuerySetJson.History(name, runs.stream().map(QuerySetJson.RunJson::of)
                        .toList()));
            } else if (runs.isEmpty()) {
                System.out.println("'" + name + "' has no runs yet (ltrr queryset run " + name + ")");
            } else {
                for (QuerySetRun r : runs) {
                    System.out.printf(Locale.ROOT, "run %-4d %s  ndcg@10 %s  p@10 %s  mrr@10 %s  %s  %s%n",
                            r.runId(), r.createdAt(), figure(r.ndcg()), figure(r.precision()), figure(r.mrr()),
                            r.judgments(), r.description());
                }
            }
            return 0;
        }
    }
}
