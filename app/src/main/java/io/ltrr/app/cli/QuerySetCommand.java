package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.store.QuerySet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr queryset …}: named query sets stored in the data folder, scored, run over time and compared. */
@Command(name = "queryset", mixinStandardHelpOptions = true,
        description = "Query sets (as Quepid cases or OpenSearch SRW query sets): create one from typed queries, a "
                + "file or a sample of the search log; show per-query nDCG@10, P@10, MRR@10 and unjudged results; "
                + "run it as a stored snapshot; follow its mean over runs; export it; compare two configurations.",
        subcommands = {QuerySetCommand.Create.class, QuerySetCommand.ListSets.class, QuerySetScoreCommands.Show.class,
                QuerySetScoreCommands.Run.class, QuerySetScoreCommands.History.class,
                QuerySetCompareCommands.Export.class, QuerySetCompareCommands.Compare.class})
final class QuerySetCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new IllegalArgumentException("queryset needs an action: create, list, show, run, history, export or "
                + "compare (see ltrr queryset --help)");
    }

    /** Opens the workbench on an existing data folder. */
    static Workbench open(CommonOptions common, StoreOptions store) {
        return Workbench.open(store.apply(WorkbenchConfig.defaults(common.existingDataDir())));
    }

    /** {@code ltrr queryset create NAME (--query Q … | --file F | --sample N --strategy S [--seed N])}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a query set from typed queries (--query, repeatable), a file (--file: one query "
                    + "per line, or a CSV with a 'query' column; UTF-8) or a sample of the search log (--sample N "
                    + "--strategy frequent|random|proportional, --seed for the random ones). Repeats are kept once; "
                    + "a file's bad lines are reported with their line numbers (exit code 1, the set is still made).")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME", description = "the set's name (at most 256 characters)")
        String name;

        @Option(names = "--query", paramLabel = "Q", description = "a query of the set (repeatable)")
        List<String> queries = new ArrayList<>();

        @Option(names = "--file", paramLabel = "FILE", description = "one query per line, or CSV with a query column")
        Path file;

        @Option(names = "--sample", paramLabel = "N", description = "sample N distinct queries of the search log")
        Integer sample;

        @Option(names = "--strategy", paramLabel = "S", defaultValue = "frequent",
                description = "for --sample: frequent, random or proportional (default: ${DEFAULT-VALUE})")
        String strategy;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "for --sample random|proportional (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            int sources = (queries.isEmpty() ? 0 : 1) + (file == null ? 0 : 1) + (sample == null ? 0 : 1);
            if (sources != 1) {
                throw new IllegalArgumentException("queryset create needs exactly one of --query Q, --file F or "
                        + "--sample N");
            }
            QuerySampling s = QuerySampling.parse(strategy);
            QuerySet.checkName(name);
            QuerySetImport made;
            try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaults(common.dataDirCreatingIt())))) {
                if (file != null) {
                    made = wb.importQuerySet(name, file);
                } else if (sample != null) {
                    made = new QuerySetImport(wb.sampleQuerySet(name, s, sample, seed), List.of());
                } else {
                    made = new QuerySetImport(wb.createQuerySet(name, queries), List.of());
                }
            }
            QuerySet set = made.set();
            if (common.json()) {
                Json.print(System.out, new QuerySetJson.Created(set.name(), set.createdAt().toString(), set.origin(),
                        set.queries(), made.problems().stream()
                        .map(p -> new ImportCommand.ProblemJson(p.line(), p.reason())).toList()));
            } else {
                made.problems().forEach(p -> System.err.println(p));
                System.out.printf(Locale.ROOT, "created query set '%s' with %d queries (%s)%n", set.name(),
                        set.queries().size(), set.origin());
            }
            return made.problems().isEmpty() ? 0 : 1;
        }
    }

    /** {@code ltrr queryset list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the query sets with their sizes "
            + "and how many runs each has.")
    static final class ListSets implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            List<QuerySetJson.Listed> sets = new ArrayList<>();
            try (Workbench wb = open(common, storeOptions)) {
                for (QuerySet s : wb.querySets()) {
                    sets.add(new QuerySetJson.Listed(s.name(), s.createdAt().toString(), s.origin(),
                            s.queries().size(), wb.querySetRuns(s.name()).size()));
                }
            }
            if (common.json()) {
                Json.print(System.out, new QuerySetJson.Sets(sets));
            } else if (sets.isEmpty()) {
                System.out.println("no query sets yet (make one with: ltrr queryset create NAME --query Q)");
            } else {
                for (QuerySetJson.Listed s : sets) {
                    System.out.printf(Locale.ROOT, "%-30s %4d queries %4d runs  %s  %s%n", s.name(), s.queries(),
                            s.runs(), s.createdAt(), s.origin());
                }
            }
            return 0;
        }
    }
}
