package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.agreement.AnnotatorAgreement;
import io.ltrr.engine.api.WorkbenchConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ltrr agreement}: how much annotators agree on the ratings in the log. */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = "Inter-annotator agreement over (query, item) pairs rated by each compared annotator: "
                + "Cohen's kappa, unweighted and quadratic-weighted for the ordinal 0-3 scale (two annotators, and "
                + "every pair), and Fleiss' kappa; then the (query, item) pairs they graded differently, with each "
                + "annotator's grade. Can't-tell ratings are left out.")
final class AgreementCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--annotators", split = ",", paramLabel = "A,B",
            description = "Whom to compare (default: everyone with graded ratings).")
    List<String> annotators = new ArrayList<>();

    @Override
    public Integer call() {
        AgreementReport r;
        WorkbenchConfig config = storeOptions.apply(WorkbenchConfig.defaultsWithoutCatalog(common.existingDataDir()));
        if (config.store().isPostgresql()) {
            try (Workbench wb = Workbench.open(config)) {
                r = wb.offline().agreement(annotators);
            }
        } else {
            r = AnnotatorAgreement.ofDataFolder(common.existingDataDir(), annotators);
        }
        if (common.json()) {
            Json.print(System.out, AgreementJson.of(r));
        } else {
            System.out.printf(Locale.ROOT, "annotators %s, %d items rated by all%n", r.annotators(), r.sharedItems());
            System.out.printf(Locale.ROOT, "observed agreement %.3f, Fleiss' kappa %.3f%s%n", r.observed(),
                    r.fleissKappa(), r.annotators().size() == 2
                            ? String.format(Locale.ROOT, ", Cohen's kappa %.3f, weighted kappa %.3f", r.cohenKappa(),
                            r.weightedKappa()) : "");
            for (AgreementReport.Pair p : r.pairs()) {
                System.out.printf(Locale.ROOT, "  %-16s %-16s %5d items  kappa %.3f  weighted %.3f%n", p.a(), p.b(),
                        p.sharedItems(), p.kappa(), p.weightedKappa());
            }
            System.out.println(r.disagreements().size() + " pair(s) graded differently:");
            for (AgreementReport.Disagreement d : r.disagreements()) {
                System.out.printf(Locale.ROOT, "  %-30s %-20s %s%n", d.query(), d.itemId(), d.grades());
            }
        }
        return 0;
    }

    /** The JSON form of the agreement figures; an undefined kappa is null. */
    record AgreementJson(List<String> annotators, int sharedItems, Double observedAgreement, Double cohenKappa,
                         Double fleissKappa, List<PairJson> pairs, Double weightedKappa,
                         List<DisagreementJson> disagreements) {
        static AgreementJson of(AgreementReport r) {
            return new AgreementJson(r.annotators(), r.sharedItems(), Json.finite(r.observed()),
                    Json.finite(r.cohenKappa()), Json.finite(r.fleissKappa()), r.pairs().stream()
                    .map(p -> new PairJson(p.a(), p.b(), p.sharedItems(), Json.finite(p.kappa()),
                            Json.finite(p.weightedKappa()))).toList(),
                    Json.finite(r.weightedKappa()), r.disagreements().stream().map(DisagreementJson::of).toList());
        }
    }

    /** Two annotators' agreement: Cohen's kappa unweighted and with quadratic weights. */
    record PairJson(String a, String b, int sharedItems, Double cohenKappa, Double weightedKappa) {
    }

    /** A (query, item) pair graded differently, with each annotator's grade. */
    record DisagreementJson(String query, String itemId, List<GradeJson> grades) {
        static DisagreementJson of(AgreementReport.Disagreement d) {
            return new DisagreementJson(d.query(), d.itemId(), d.grades().entrySet().stream()
                    .map(e -> new GradeJson(e.getKey(), e.getValue())).toList());
        }
    }

    /** One annotator's grade. */
    record GradeJson(String annotator, int grade) {
    }
}
