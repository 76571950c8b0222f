package io.ltrr.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.retrieval.QueryRewriter.Rewrite;
import org.junit.jupiter.api.Test;

/**
 * The chain of the hand-computed example, smoothing α = 1 (a pseudo-count of abandonment per failed query):
 *
 * <pre>
 * from "a" (failed): a → b failed ×2, a → c succeeded ×1        N = 3, N + α = 4
 *     Q[a][b] = 2/4 = 0.5    R[a][c] = 1/4 = 0.25
 * from "b" (failed): b → d succeeded ×3, b → a failed ×1        N = 4, N + α = 5
 *     Q[b][a] = 1/5 = 0.2    R[b][d] = 3/5 = 0.6
 *
 * B = (I − Q)⁻¹ R, i.e. B[a][c] = 0.25 + 0.5·B[b][c],  B[b][c] = 0.2·B[a][c]
 *                       ⇒ B[a][c] = 0.25 / (1 − 0.1) = 5/18 ≈ 0.2778,  B[b][c] = 1/18
 *                       B[a][d] = 0.5·B[b][d],  B[b][d] = 0.6 + 0.2·B[a][d]
 *                       ⇒ B[a][d] = 0.3 / 0.9 = 1/3,  B[b][d] = 0.6 + 0.2/3 = 2/3
 * </pre>
 * So the rewrite of "a" is "d" (p = 1/3), although "a" → "c" is the only direct success from "a".
 */
class RewriteModelTest {
    private static RewriteModel example() {
        RewriteModel m = new RewriteModel();
        m.add("a", "b", false, 2);
        m.add("a", "c", true, 1);
        m.add("b", "d", true, 3);
        m.add("b", "a", false, 1);
        return m;
    }

    @Test
    void absorbingChainMatchesTheHandComputedExample() {
        double[][] q = {{0, 0.5}, {0.2, 0}};
        double[][] r = {{0.25, 0}, {0, 0.6}};
        double[][] b = AbsorbingChain.absorption(q, r);
        assertThat(b[0][0]).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(b[0][1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(b[1][0]).isCloseTo(1.0 / 18, within(1e-12));
        assertThat(b[1][1]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void modelBuildsTheSameChainFromCounts() {
        RewriteModel m = example();
        assertThat(m.absorption("a")).hasSize(2);
        assertThat(m.absorption("a").get("c")).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(m.absorption("a").get("d")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void rewritePicksTheMostLikelySuccessfulQuery() {
        RewriteModel m = example();
        Rewrite ra = m.rewrite("a").orElseThrow();
        assertThat(ra.query()).isEqualTo("d");
        assertThat(ra.probability()).isCloseTo(1.0 / 3, within(1e-12));
        Rewrite rb = m.rewrite("b").orElseThrow();
        assertThat(rb.query()).isEqualTo("d");
        assertThat(rb.probability()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void noRewriteForUnknownQueriesOrQueriesThatOnlyLeadToFailures() {
        RewriteModel m = example();
        assertThat(m.rewrite("zzz")).isEmpty();
        assertThat(m.rewrite("d")).isEmpty();
        m.add("x", "y", false, 5);
        assertThat(m.rewrite("x")).isEmpty();
    }

    @Test
    void aQueryIsNeverItsOwnRewrite() {
        RewriteModel m = new RewriteModel();
        m.add("p", "q", false, 4);
        m.add("q", "p", true, 4);
        m.add("p", "r", true, 1);
        // B[p][p] = 4/5 · 4/5 = 0.64 beats r (1/5), but rewriting p to p is useless.
        assertThat(m.rewrite("p").orElseThrow().query()).isEqualTo("r");
    }

    @Test
    void smoothingKeepsThinEvidenceBelowCertainty() {
        RewriteModel m = new RewriteModel();
        m.add("tayler swift", "taylor swift", true, 1);
        assertThat(m.rewrite("tayler swift").orElseThrow().probability()).isCloseTo(0.5, within(1e-12));
        m.add("tayler swift", "taylor swift", true, 19);
        assertThat(m.rewrite("tayler swift").orElseThrow().probability()).isCloseTo(20.0 / 21, within(1e-12));
    }

    @Test
    void rewritesRefreshWhenTheirComponentChangesAndOnlyThen() {
        RewriteModel m = example();
        assertThat(m.rewrite("a").orElseThrow().query()).isEqualTo("d");
        assertThat(m.solves()).isEqualTo(1);
        m.rewrite("a");
        assertThat(m.solves()).as("cached").isEqualTo(1);

        m.add("x", "y", true, 7);
        m.rewrite("a");
        assertThat(m.solves()).as("another component changed").isEqualTo(1);

        // a: b ×2 failed, c ×4 succeeded, N + α = 7. B[a][c] = (4/7)/(1 − (2/7)(1/5)) = 20/33.
        m.add("a", "c", true, 3);
        Rewrite r = m.rewrite("a").orElseThrow();
        assertThat(m.solves()).isEqualTo(2);
        assertThat(r.query()).isEqualTo("c");
        assertThat(r.probability()).isCloseTo(20.0 / 33, within(1e-12));
    }

    @Test
    void aChangeDownstreamRefreshesTheRewrite() {
        RewriteModel m = new RewriteModel();
        m.add("a", "b", false, 3);
        m.add("a", "c", true, 1);
        assertThat(m.rewrite("a").orElseThrow().query()).isEqualTo("c");
        // "b" failed so far without reformulations of its own; now users recover from it with "d".
        m.add("b", "d", true, 50);
        Rewrite r = m.rewrite("a").orElseThrow();
        assertThat(r.query()).isEqualTo("d");
        assertThat(r.probability()).isCloseTo(3.0 / 5 * 50.0 / 51, within(1e-12));
    }

    @Test
    void aLateClickPromotesAFailedReformulation() {
        RewriteModel m = new RewriteModel();
        m.add("a", "b", false, 1);
        assertThat(m.rewrite("a")).isEmpty();
        m.promote("a", "b", 1);
        assertThat(m.rewrite("a").orElseThrow().probability()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theStateCapBoundsASolve() {
        RewriteModel m = new RewriteModel(1.0, 3);
        for (int i = 0; i < 10; i++) {
            m.add("q" + i, "q" + (i + 1), false, 1);
        }
        m.add("q10", "win", true, 1);
        // The success lies 10 failed states away, past the cap of 3: the chain sees no way to it.
        assertThat(m.rewrite("q0")).isEmpty();
        assertThat(m.rewrite("q9").orElseThrow().query()).isEqualTo("win");
    }
}
