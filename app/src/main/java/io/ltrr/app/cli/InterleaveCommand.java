package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ltrr interleave status}: the running interleaved comparisons of the log. */
@Command(name = "interleave", mixinStandardHelpOptions = true,
        description = "Online comparison of two rankers by team-draft interleaving: search with "
                + "'ltrr search QUERY --interleave A,B', click (ltrr feedback click), then read the score here.",
        subcommands = {InterleaveCommand.Status.class})
final class InterleaveCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Wins of each ranker, ties, impressions and the sign test's p-value, from every interleaved "
                    + "search and click in the log; every pair interleaved so far, or the one named.")
    static final class Status implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", arity = "0..1", paramLabel = "A,B",
                description = "The two ranker ids, A first (default: every pair in the log).")
        String pair;

        @Override
        public Integer call() {
            RankerPair rankers = pair == null ? null : RankerPair.parse(pair); // before the store opens
            try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaults(common.existingDataDir())))) {
                List<InterleavingComparison> comparisons = rankers == null ? wb.interleavings()
                        : List.of(wb.interleaving(rankers));
                if (common.json()) {
                    Json.print(System.out, new StatusJson(comparisons.stream().map(InterleavingJson::of).toList()));
                } else if (comparisons.isEmpty()) {
                    System.out.println("no interleaved searches yet (ltrr search QUERY --interleave A,B)");
                } else {
                    comparisons.forEach(c -> System.out.println(InterleavingJson.text(c)));
                }
            }
            return 0;
        }
    }

    /** Every comparison asked for. */
    record StatusJson(List<InterleavingJson> comparisons) {
    }
}
