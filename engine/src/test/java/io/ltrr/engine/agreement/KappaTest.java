package io.ltrr.engine.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.store.LoggedRating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KappaTest {
    /**
     * Wikipedia's Cohen example: 50 proposals, both yes 20, A yes B no 5, A no B yes 10, both no 15.
     * P_o = (20 + 15)/50 = 0.70; A says yes 25/50 = 0.5, B 30/50 = 0.6;
     * P_e = 0.5·0.6 + 0.5·0.4 = 0.50; κ = (0.70 − 0.50)/(1 − 0.50) = 0.40.
     */
    @Test
    void cohenMatchesTheTextbookExample() {
        int[] a = new int[50];
        int[] b = new int[50];
        fill(a, b, 0, 20, 1, 1);
        fill(a, b, 20, 25, 1, 0);
        fill(a, b, 25, 35, 0, 1);
        fill(a, b, 35, 50, 0, 0);
        assertThat(Kappa.cohen(a, b, 2)).isCloseTo(0.40, within(1e-12));
    }

    private static void fill(int[] a, int[] b, int from, int to, int va, int vb) {
        for (int i = from; i < to; i++) {
            a[i] = va;
            b[i] = vb;
        }
    }

    /**
     * Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories.
     * Column totals 20, 28, 39, 21, 32 of 140 → p = 0.143, 0.200, 0.279, 0.150, 0.229; P_e = Σ p² = 0.2128.
     * P_i, e.g. row 2: (0 + 4 + 36 + 16 + 4 − 14)/(14·13) = 46/182 = 0.253; mean P_i = P̄ = 0.3780.
     * κ = (0.3780 − 0.2128)/(1 − 0.2128) = 0.210.
     */
    @Test
    void fleissMatchesTheTextbookExample() {
        int[][] counts = {
                {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertThat(Kappa.fleiss(counts)).isCloseTo(0.210, within(0.0005));
    }

    @Test
    void perfectAgreementIsOneAndDegenerateCasesAreUndefinedOrRejected() {
        assertThat(Kappa.cohen(new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4)).isEqualTo(1.0);
        assertThat(Kappa.cohen(new int[] {2, 2}, new int[] {2, 2}, 4)).isNaN();
        assertThatThrownBy(() -> Kappa.fleiss(new int[][] {{1, 1}, {3, 0}})).hasMessageContaining("same number");
    }

    private static LoggedRating r(String query, String item, Integer grade, String who) {
        return new LoggedRating("r-1", "s-1", query, item, grade, who, Instant.EPOCH);
    }

    /**
     * Two annotators over 4 shared pairs: grades ann (3, 2, 0, 1), bob (3, 2, 1, 1).
     * P_o = 3/4; ann marginals (g0..g3) = (1,1,1,1)/4, bob = (0,2,1,1)/4;
     * P_e = (1·0 + 1·2 + 1·1 + 1·1)/16 = 4/16 = 0.25; κ = (0.75 − 0.25)/0.75 = 2/3.
     * Can't-tell ratings and pairs only one of them rated are left out; a re-rating replaces the earlier grade.
     */
    @Test
    void agreementFromRatingsUsesSharedGradedPairsAndLatestGrades() {
        List<LoggedRating> ratings = new ArrayList<>(List.of(
                r("q", "a", 3, "ann"), r("q", "b", 2, "ann"), r("q", "c", 0, "ann"), r("q", "d", 1, "ann"),
                r("q", "a", 3, "bob"), r("q", "b", 2, "bob"), r("q", "c", 3, "bob"), r("q", "c", 1, "bob"),
                r("q", "d", 1, "bob"), r("q", "e", 2, "bob"), r("q", "f", null, "ann"), r("q", "f", null, "bob")));
        AgreementReport rep = AnnotatorAgreement.of(ratings, List.of());
        assertThat(rep.annotators()).containsExactly("ann", "bob");
        assertThat(rep.sharedItems()).isEqualTo(4);
        assertThat(rep.observed()).isEqualTo(0.75);
        assertThat(rep.cohenKappa()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(rep.pairs()).singleElement().satisfies(p -> assertThat(p.kappa()).isCloseTo(2.0 / 3, within(1e-12)));
        assertThat(rep.fleissKappa()).isFinite();

        assertThatThrownBy(() -> AnnotatorAgreement.of(ratings, List.of("ann", "zed")))
                .hasMessageContaining("'zed' has no graded ratings");
    }

    /**
     * Quadratic weights on the 0–3 scale, w = d²/9. Six items, A (3, 2, 0, 1, 3, 0), B (3, 2, 1, 1, 0, 0):
     * observed weighted disagreement = (1/9 + 9/9)/6 = 5/27; marginals A (2, 1, 1, 2)/6, B (2, 2, 1, 1)/6;
     * expected = Σ_ij n_A(i) n_B(j) (i − j)² / (36·9) = 102/324 = 17/54; κ_w = 1 − (5/27)/(17/54) = 7/17.
     * The unweighted κ of the same table: P_o = 4/6, P_e = (4 + 2 + 1 + 2)/36 = 1/4, κ = (2/3 − 1/4)/(3/4) = 5/9.
     */
    @Test
    void quadraticWeightedKappaMatchesTheHandComputedTable() {
        int[] a = {3, 2, 0, 1, 3, 0};
        int[] b = {3, 2, 1, 1, 0, 0};
        assertThat(Kappa.quadraticWeighted(a, b, 4)).isCloseTo(7.0 / 17, within(1e-12));
        assertThat(Kappa.cohen(a, b, 4)).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(Kappa.quadraticWeighted(new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4)).isEqualTo(1.0);
        assertThat(Kappa.quadraticWeighted(new int[] {2, 2}, new int[] {2, 2}, 4)).isNaN();
    }

    /** A near miss (2 vs 3) costs less than a far one (0 vs 3) under weights, the same without. */
    @Test
    void weightedKappaPunishesFarDisagreementsMore() {
        int[] a = {0, 1, 2, 3, 3, 0, 1, 2};
        int[] near = {0, 1, 2, 2, 3, 0, 1, 2};
        int[] far = {0, 1, 2, 0, 3, 0, 1, 2};
        assertThat(Kappa.quadraticWeighted(a, near, 4)).isGreaterThan(Kappa.quadraticWeighted(a, far, 4));
    }

    @Test
    void theReportListsEachDisagreementWithEveryAnnotatorsGrade() {
        List<LoggedRating> ratings = List.of(
                r("q", "a", 3, "ann"), r("q", "a", 3, "bob"),
                r("q", "b", 0, "ann"), r("q", "b", 3, "bob"), r("q", "b", 2, "cy"),
                r("p", "c", 1, "ann"), r("p", "c", 2, "cy"),
                r("p", "d", 2, "bob"));
        AgreementReport rep = AnnotatorAgreement.of(ratings, List.of());

        assertThat(rep.disagreements()).extracting(AgreementReport.Disagreement::query,
                AgreementReport.Disagreement::itemId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p", "c"), org.assertj.core.groups.Tuple.tuple("q", "b"));
        assertThat(rep.disagreements().get(1).grades()).containsExactly(
                java.util.Map.entry("ann", 0), java.util.Map.entry("bob", 3), java.util.Map.entry("cy", 2));
        assertThat(rep.disagreements().get(1).spread()).isEqualTo(3);
        assertThat(rep.weightedKappa()).isNaN();
        assertThat(AnnotatorAgreement.of(ratings, List.of("ann", "bob")).disagreements())
                .extracting(AgreementReport.Disagreement::itemId).containsExactly("b");
    }
}
