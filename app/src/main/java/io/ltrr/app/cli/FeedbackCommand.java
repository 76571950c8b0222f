package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.store.RatingEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ltrr feedback click|rate}: record feedback on a logged search. Returns after the commit. */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = "Record a click or a rating.",
        subcommands = {FeedbackCommand.Click.class, FeedbackCommand.Rate.class})
final class FeedbackCommand {

    @Command(name = "click", mixinStandardHelpOptions = true,
            description = "A click on a shown result (signal 1 for the arms that held it; the search counts once, when it closes).")
    static final class Click implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "SEARCH_ID")
        String searchId;

        @Parameters(index = "1", paramLabel = "ITEM_ID")
        String itemId;

        @Override
        public Integer call() {
            try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaults(common.existingDataDir())))) {
                report(wb.click(searchId, itemId), common);
            }
            return 0;
        }
    }

    @Command(name = "rate", mixinStandardHelpOptions = true,
            description = "A rating of a shown result: GRADE 0..3, or 'x' for can't tell (reward grade/3).")
    static final class Rate implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "SEARCH_ID")
        String searchId;

        @Parameters(index = "1", paramLabel = "ITEM_ID")
        String itemId;

        @Parameters(index = "2", paramLabel = "GRADE", description = "0, 1, 2, 3, or x (can't tell)")
        String grade;

        @Option(names = "--annotator", defaultValue = "anonymous", paramLabel = "NAME")
        String annotator;

        @Override
        public Integer call() {
            Integer g = parseGrade(grade);
            RatingEvent.checkAnnotator(annotator); // before the engine starts
            try (Workbench wb = Workbench.open(storeOptions.apply(WorkbenchConfig.defaults(common.existingDataDir())))) {
                report(wb.rate(searchId, itemId, g, annotator), common);
            }
            return 0;
        }
    }

    static Integer parseGrade(String s) {
        if (s.equalsIgnoreCase("x") || s.equalsIgnoreCase("cant-tell")) {
            return null;
        }
        try {
            int g = Integer.parseInt(s.trim());
            if (g >= 0 && g <= 3) {
                return g;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("GRADE must be 0, 1, 2, 3 or x (can't tell), was '" + s + "'");
    }

    private static void report(FeedbackResult r, CommonOptions common) {
        if (common.json()) {
            Json.print(System.out, new FeedbackJson(r.eventId(), r.searchId(), r.itemId(), r.policyId(), r.updated(),
                    r.repeat(), r.chosenArms(), new TreeMap<>(r.rewards()), r.pending()));
        } else {
            System.out.printf(Locale.ROOT, "%s recorded for %s / %s; %s%n", r.eventId(), r.searchId(), r.itemId(),
                    learned(r));
        }
    }

    /** What the policy made of it, in words: rewards learned, or why nothing was. */
    static String learned(FeedbackResult r) {
        return r.learning("ltrr policy --ratings-train on");
    }

    /** The JSON form of recorded feedback: the rewards by arm, in arm order. */
    record FeedbackJson(String eventId, String searchId, String itemId, String policy, boolean policyUpdated,
                        boolean repeat, Set<String> chosenArms, Map<String, Double> rewards, boolean pending) {
    }
}
