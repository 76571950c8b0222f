package io.ltrr.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.clicks.ClickJudgments;
import io.ltrr.engine.clicks.ClickModelFit;
import io.ltrr.engine.clicks.ClickModelOptions;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.clicks.RelevanceEstimators;
import io.ltrr.engine.store.Judgments;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr judgments …}: relevance judgments the workbench derives itself (from clicks). */
@Command(name = "judgments", mixinStandardHelpOptions = true,
        description = "Relevance judgments derived from the log: from-clicks fits a click model (COEC, PBM or DBN) "
                + "on the data folder's searches and clicks and stores the graded (query, item) pairs as a judgment "
                + "source; validate measures how well the click models recover relevance on simulated clicks whose "
                + "truth is known.",
        subcommands = {JudgmentsCommand.FromClicks.class, JudgmentsValidateCommand.class})
final class JudgmentsCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("judgments needs an action: from-clicks or validate (see ltrr judgments "
                + "--help)");
    }

    /** {@code ltrr judgments from-clicks --model coec|pbm|dbn [--min-impressions N] [--source NAME]}. */
    @Command(name = "from-clicks", mixinStandardHelpOptions = true,
            description = "Fits a click model on the data folder's own log (every search's shown list and the "
                    + "positions clicked, by normalized query) and stores each (query, item) pair shown at least "
                    + "--min-impressions times as a judgment of the source --source, replacing what that source had "
                    + "(when no pair qualifies, nothing is stored). Grades: PBM's attractiveness α and DBN's a·s by "
                    + "quarters of the probability (<0.25 → 0, <0.5 → 1, <0.75 → 2, else 3); COEC's ratio of clicks "
                    + "to the clicks expected at the positions shown by doublings (<0.5 → 0, <1 → 1, <2 → 2, else "
                    + "3). Use the source like an imported one: ltrr eval --judgments NAME, ltrr ranker train ID "
                    + "--judgments NAME, ltrr queryset show SET --judgments imported:NAME.")
    static final class FromClicks implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--model", paramLabel = "MODEL", required = true,
                description = "coec (clicks over expected clicks, as OpenSearch's Search Relevance Workbench), pbm "
                        + "(position-based model, EM) or dbn (dynamic Bayesian network, EM).")
        String model;

        @Option(names = "--min-impressions", paramLabel = "N",
                defaultValue = "" + ClickModelOptions.DEFAULT_MIN_IMPRESSIONS,
                description = "Judge only pairs shown at least N times (default: ${DEFAULT-VALUE}).")
        int minImpressions;

        @Option(names = "--source", paramLabel = "NAME",
                description = "The judgment source to store them as (default: clicks-MODEL).")
        String source;

        @Option(names = "--ubi", paramLabel = "SOURCE",
                description = "Fit on the UBI log imported under this source (ltrr import ubi) instead of the "
                        + "folder's own searches and clicks.")
        String ubi;

        @Override
        public Integer call() {
            String id = RelevanceEstimators.of(model).id();
            String src = source != null ? source : ClickJudgments.defaultSource(id);
            ClickModelOptions options = ClickModelOptions.defaults().withMinImpressions(minImpressions);
            ClickJudgments made;
            try (Workbench wb = Workbench.open(storeOptions.apply(
                    WorkbenchConfig.defaultsWithoutCatalog(common.existingDataDir())))) {
                List<ClickSession> sessions = ubi == null ? wb.clickSessions() : wb.ubi().clickSessions(ubi);
                made = wb.judgmentsFromClicks(sessions, id, options, src);
            }
            FromClicksJson doc = FromClicksJson.of(made, minImpressions);
            if (common.json()) {
                Json.print(System.out, doc);
            } else {
                print(doc);
            }
            return made.judgments().isEmpty() ? 1 : 0;
        }

        private static void print(FromClicksJson d) {
            System.out.printf(Locale.ROOT, "%s on %d sessions: %d (query, item) pairs, %d shown at least %d times "
                    + "(grades 0-3: %s)%n", d.model(), d.sessions(), d.pairs(), d.judged(), d.minImpressions(),
                    d.gradeCounts().stream().map(String::valueOf).collect(Collectors.joining(" / ")));
            System.out.println("grade rule: " + d.gradeRule());
            if (!d.positionEffects().isEmpty()) {
                System.out.println((d.model().equals("coec") ? "click-through rate" : "examination θ_k/θ_1")
                        + " by position: " + d.positionEffects().stream()
                        .map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" ")));
            }
            if (d.gamma() != null) {
                System.out.printf(Locale.ROOT, "continuation γ: %.3f%n", d.gamma());
            }
            if (!d.model().equals("coec")) {
                System.out.println("EM: " + d.iterations() + " iterations, "
                        + (d.converged() ? "converged" : "stopped at the cap before converging"));
            }
            if (d.skipped() > 0) {
                System.out.println(d.skipped() + " pair(s) left out: query or item id too long for the store");
            }
            if (d.judged() == 0) {
                System.out.println("nothing stored: no (query, item) pair was shown at least " + d.minImpressions()
                        + " times; source '" + d.source() + "' is unchanged");
            } else {
                System.out.printf(Locale.ROOT, "stored as judgment source '%s' (%d new, %d updated, %d unchanged, %d "
                                + "removed); use it with --judgments %s (queryset: imported:%s)%n", d.source(),
                        d.added(), d.updated(), d.unchanged(), d.removed(), d.source(), d.source());
            }
        }
    }

    /** The JSON form of judgments derived from clicks: the fit, the grades and what storing them did. */
    record FromClicksJson(String source, String model, String gradeRule, int sessions, int pairs, int judged,
                          int minImpressions, int skipped, List<Integer> gradeCounts, List<Double> positionEffects,
                          @JsonInclude(Include.NON_NULL) Double gamma, int iterations, boolean converged, int added,
                          int updated, int unchanged, int removed) {
        static FromClicksJson of(ClickJudgments m, int minImpressions) {
            ClickModelFit fit = m.fit();
            Judgments.ImportCount n = m.stored();
            return new FromClicksJson(m.source(), fit.model(), m.rule().description(), fit.sessions(),
                    fit.pairsSeen(), m.judgments().size(), minImpressions, m.skipped(),
                    Arrays.stream(m.gradeCounts()).boxed().toList(), fit.positionEffects(),
                    fit.parameters().get("gamma"), fit.iterations(), fit.converged(), n.added(), n.updated(),
                    n.unchanged(), n.removed());
        }
    }
}
