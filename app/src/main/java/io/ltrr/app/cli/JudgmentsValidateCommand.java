package io.ltrr.app.cli;

import io.ltrr.engine.clicks.ClickModelOptions;
import io.ltrr.engine.clicks.recovery.ClickLogSetup;
import io.ltrr.engine.clicks.recovery.ClickModelRecovery;
import io.ltrr.engine.clicks.recovery.RecoveryReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr judgments validate}: the click models against simulated users whose relevance is known. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Simulates click logs of the simulator's cascade users and position-based users (attractiveness "
                + "0.02/0.3/0.6/0.9 by grade, examination 1/k^0.7) on synthetic queries with known grades, fits "
                + "every click model on each and prints, over the pairs shown at least --min-impressions times, "
                + "Spearman's rho and Kendall's tau-b between estimate and true grade, the share of derived grades "
                + "equal to the true one, the raw click-through rate's correlations as a baseline, and PBM's "
                + "examination per position against the true one. Needs no data folder; the same seed gives the "
                + "same figures.")
final class JudgmentsValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "20000",
            description = "Sessions per simulated log (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-impressions", paramLabel = "N",
            defaultValue = "" + ClickModelOptions.DEFAULT_MIN_IMPRESSIONS,
            description = "Compare only pairs shown at least N times (default: ${DEFAULT-VALUE}).")
    int minImpressions;

    @Override
    public Integer call() {
        ClickLogSetup setup = ClickLogSetup.defaults(seed).withSessions(sessions);
        RecoveryReport report = ClickModelRecovery.run(setup,
                ClickModelOptions.defaults().withMinImpressions(minImpressions));
        ValidateJson doc = ValidateJson.of(report);
        if (common.json()) {
            Json.print(System.out, doc);
        } else {
            print(doc);
        }
        return 0;
    }

    private static void print(ValidateJson d) {
        System.out.printf(Locale.ROOT, "seed %d: %d queries x %d candidates, %d shown, %d sessions per log; ranker "
                        + "error sd %.1f, session noise sd %.1f; pairs shown >= %d times%n", d.seed(), d.queries(),
                d.itemsPerQuery(), d.shown(), d.sessions(), d.rankerError(), d.sessionNoise(), d.minImpressions());
        for (UsersJson u : d.users()) {
            System.out.printf(Locale.ROOT, "%s users (%d pairs):%n", u.clickModel(), u.ctr().pairs());
            System.out.printf(Locale.ROOT, "  %-6s spearman %.3f  kendall %.3f%n", "ctr", u.ctr().spearman(),
                    u.ctr().kendall());
            for (ModelJson m : u.models()) {
                System.out.printf(Locale.ROOT, "  %-6s spearman %.3f  kendall %.3f  same grade %.3f  %s%n", m.model(),
                        m.spearman(), m.kendall(), m.gradeAgreement(), m.iterations() == 0 ? "closed form"
                                : m.iterations() + " EM iterations" + (m.converged() ? "" : " (cap, not converged)"));
            }
            if (!u.trueExamination().isEmpty()) {
                System.out.println("  examination by position, true / PBM:");
                for (int k = 0; k < u.trueExamination().size(); k++) {
                    System.out.printf(Locale.ROOT, "    %2d  %.3f / %.3f%n", k + 1, u.trueExamination().get(k),
                            u.pbmExamination().get(k));
                }
                System.out.printf(Locale.ROOT, "  max error on positions 1-%d: %.4f%n", RecoveryReport.BIAS_POSITIONS,
                        u.biasMaxError());
            }
        }
    }

    /** The JSON form of a recovery run: the setup, then per kind of user the figures. */
    record ValidateJson(long seed, int queries, int itemsPerQuery, int shown, int sessions, double rankerError,
                        double sessionNoise, int minImpressions, List<UsersJson> users) {
        static ValidateJson of(RecoveryReport r) {
            ClickLogSetup s = r.setup();
            return new ValidateJson(s.seed(), s.queries(), s.itemsPerQuery(), s.shown(), s.sessions(),
                    s.rankerError(), s.sessionNoise(), r.minImpressions(), r.users().stream().map(UsersJson::of)
                    .toList());
        }
    }

    /** One kind of simulated user: the CTR baseline, each model, PBM's examination against the truth. */
    record UsersJson(String clickModel, CtrJson ctr, List<ModelJson> models, List<Double> trueExamination,
                     List<Double> pbmExamination, Double biasMaxError) {
        static UsersJson of(RecoveryReport.Users u) {
            return new UsersJson(u.clickModel(), new CtrJson(u.ctr().pairs(), Json.finite(u.ctr().spearman()),
                    Json.finite(u.ctr().kendall())), u.models().stream().map(ModelJson::of).toList(),
                    u.trueExamination(), u.pbmExamination(), Json.finite(u.biasMaxError()));
        }
    }

    /** The raw click-through rate against the truth. */
    record CtrJson(int pairs, Double spearman, Double kendall) {
    }

    /** One model against the truth. */
    record ModelJson(String model, int pairs, Double spearman, Double kendall, Double gradeAgreement, int iterations,
                     boolean converged) {
        static ModelJson of(RecoveryReport.Model m) {
            return new ModelJson(m.model(), m.agreement().pairs(), Json.finite(m.agreement().spearman()),
                    Json.finite(m.agreement().kendall()), Json.finite(m.agreement().gradeAgreement()),
                    m.iterations(), m.converged());
        }
    }
}
