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
 * @param weightedKappa Cohen's quadratic-weighted κ when exactly two annotators are compared, else NaN: for the
 *                      ordinal 0–3 scale, where 0 vs 3 is a worse disagreement than 2 vs 3
 * @param disagreements the (query, item) pairs that at least two compared annotators rated with different
 *                      grades, by query then item
 */
public record AgreementReport(List<String> annotators, int sharedItems, double observed, double cohenKappa,
                              double fleissKappa, List<Pair> pairs, double weightedKappa,
                              List<Disagreement> disagreements) {
    /** Cohen's unweighted and quadratic-weighted κ of two annotators over the items both rated. */
    public record Pair(String a, String b, int sharedItems, double kappa, double weightedKappa) {
    }

    /**
     * A (query, item) pair the annotators graded differently.
     *
     * @param query  the normalized query the ratings were logged under
     * @param itemId the item
     * @param grades each compared annotator's grade of it who gave one, by annotator name
     */
    public record Disagreement(String query, String itemId, java.util.SortedMap<String, Integer> grades) {
        public Disagreement {
            grades = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(grades));
        }

        /** Highest minus lowest grade. */
        public int spread() {
            return grades.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                    - grades.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        }
    }

    public AgreementReport {
        annotators = List.copyOf(annotators);
        pairs = List.copyOf(pairs);
        disagreements = List.copyOf(disagreements);
    }
}
