package io.ltrr.app.cli;

import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.agreement.AnnotatorAgreement;
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
                + "Cohen's kappa (two annotators, and every pair) and Fleiss' kappa. Can't-tell ratings are left out.")
final class AgreementCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--annotators", split = ",", paramLabel = "A,B",
            description = "Whom to compare (default: everyone with graded ratings).")
    List<String> annotators = new ArrayList<>();

    @Override
    public Integer call() {
        AgreementReport r = AnnotatorAgreement.ofDataFolder(common.existingDataDir(), annotators);
        if (common.json()) {
            Json.print(System.out, AgreementJson.of(r));
        } else {
            System.out.printf(Locale.ROOT, "annotators %s, %d items rated by all%n", r.annotators(), r.sharedItems());
            System.out.printf(Locale.ROOT, "observed agreement %.3f, Fleiss' kappa %.3f%s%n", r.observed(),
                    r.fleissKappa(), r.annotators().size() == 2
                            ? String.format(Locale.ROOT, ", Cohen's kappa %.3f", r.cohenKappa()) : "");
            for (AgreementReport.Pair p : r.pairs()) {
                System.out.printf(Locale.ROOT, "  %-16s %-16s %5d items  kappa %.3f%n", p.a(), p.b(), p.sharedItems(),
                        p.kappa());
            }
        }
        return 0;
    }

    /** The JSON form of the agreement figures; an undefined kappa is null. */
    record AgreementJson(List<String> annotators, int sharedItems, Double observedAgreement, Double cohenKappa,
                         Double fleissKappa, List<PairJson> pairs) {
        static AgreementJson of(AgreementReport r) {
            return new AgreementJson(r.annotators(), r.sharedItems(), Json.finite(r.observed()),
                    Json.finite(r.cohenKappa()), Json.finite(r.fleissKappa()), r.pairs().stream()
                    .map(p -> new PairJson(p.a(), p.b(), p.sharedItems(), Json.finite(p.kappa()))).toList());
        }
    }

    /** Two annotators' agreement. */
    record PairJson(String a, String b, int sharedItems, Double cohenKappa) {
    }
}
