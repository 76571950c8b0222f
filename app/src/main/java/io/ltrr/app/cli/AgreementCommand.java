package io.ltrr.app.cli;

import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.agreement.AnnotatorAgreement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        AgreementReport r = AnnotatorAgreement.ofDataFolder(common.dataDir(), annotators);
        if (common.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("annotators", r.annotators());
            doc.put("shared_items", r.sharedItems());
            doc.put("observed_agreement", finite(r.observed()));
            doc.put("cohen_kappa", finite(r.cohenKappa()));
            doc.put("fleiss_kappa", finite(r.fleissKappa()));
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (AgreementReport.Pair p : r.pairs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("a", p.a());
                m.put("b", p.b());
                m.put("shared_items", p.sharedItems());
                m.put("cohen_kappa", finite(p.kappa()));
                pairs.add(m);
            }
            doc.put("pairs", pairs);
            Json.print(System.out, doc);
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

    /** JSON has no NaN: an undefined kappa is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
