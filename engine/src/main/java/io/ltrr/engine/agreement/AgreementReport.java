package io.ltrr.engine.agreement;

import java.util.List;

/**
 * Agreement among annotators over the (query, item) pairs they all rated.
 *
 * @param annotators   the annotators compared, sorted
 * @param sharedItems  (query, item) pairs every one of them rated
 * @param observed     the share of shared pairs on which all of them gave the same grade
 * @param cohenKappa   Cohen's κ when exactly two annotators are compared, else NaN
 * @param fleissKappa  Fleiss' κ over the shared pairs (NaN when there are none or chance agreement is 1)
 * @param pairs        Cohen's κ of every pair of annotators, each over the pairs those two both rated
 */
public record AgreementReport(List<String> annotators, int sharedItems, double observed, double cohenKappa,
                              double fleissKappa, List<Pair> pairs) {
    /** Cohen's κ of two annotators over the items both rated. */
    public record Pair(String a, String b, int sharedItems, double kappa) {
    }

    public AgreementReport {
        annotators = List.copyOf(annotators);
        pairs = List.copyOf(pairs);
    }
}
