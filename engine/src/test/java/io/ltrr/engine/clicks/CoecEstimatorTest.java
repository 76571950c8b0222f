package io.ltrr.engine.clicks;

import static io.ltrr.engine.clicks.Sessions.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoecEstimatorTest {
    private static final ClickModelOptions ALL = ClickModelOptions.defaults().withMinImpressions(1);

    /**
     * Three sessions of q: [A B C] clicked at 1, [B A C] clicked at 1 and 2, [C A B] not clicked. Position CTRs:
     * 2/3, 1/3, 0. Expected clicks: A 2/3 + 1/3 + 1/3 = 4/3, B 1/3 + 2/3 + 0 = 1, C 0 + 0 + 2/3 = 2/3; COEC A = 2 /
     * (4/3) = 1.5, B = 1 / 1 = 1, C = 0 / (2/3) = 0.
     */
    @Test
    void threeSessionsByHand() {
        List<ClickSession> sessions = new Sessions().add("q", "A,B,C", 1).add("q", "B,A,C", 1, 2).add("q", "C,A,B")
                .list();
        ClickModelFit fit = new CoecEstimator().fit(sessions, ALL);

        assertThat(fit.positionEffects()).containsExactly(2 / 3.0, 1 / 3.0, 0.0);
        assertThat(pair(fit, "q", "A").relevance()).isCloseTo(1.5, within(1e-12));
        assertThat(pair(fit, "q", "A").parts().get("expected_clicks")).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(pair(fit, "q", "B").relevance()).isCloseTo(1.0, within(1e-12));
        assertThat(pair(fit, "q", "C").relevance()).isZero();
        assertThat(fit.pairs()).extracting(PairEstimate::itemId, PairEstimate::impressions, PairEstimate::clicks)
                .containsExactly(tuple("A", 3, 2),
                        tuple("B", 3, 1), tuple("C", 3, 0));
        // by doublings: 1.5 and 1 are grade 2, 0 is grade 0
        assertThat(fit.pairs()).extracting(p -> new CoecEstimator().gradeRule().grade(p.relevance()))
                .containsExactly(2, 2, 0);
        assertThat(fit.iterations()).isZero();
        assertThat(fit.converged()).isTrue();
    }

    @Test
    void pairsShownFewerTimesThanTheMinimumAreLeftOutButStillSetThePrior() {
        List<ClickSession> sessions = new Sessions().add("q", "A,B", 1).add("q", "A,B").add("p", "X,A", 2).list();
        ClickModelFit fit = new CoecEstimator().fit(sessions, ALL.withMinImpressions(2));

        assertThat(fit.pairsSeen()).isEqualTo(4);
        assertThat(fit.pairs()).extracting(PairEstimate::query, PairEstimate::itemId)
                .containsExactly(tuple("q", "A"),
                        tuple("q", "B"));
        // position 2 was clicked once in three lists (p's): B's two impressions there expect 2/3 of a click
        assertThat(pair(fit, "q", "B").parts().get("expected_clicks")).isCloseTo(2 / 3.0, within(1e-12));
    }
}
