package io.ltrr.engine.clicks;

import static io.ltrr.engine.clicks.Sessions.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PbmEstimatorTest {
    private static final ClickModelOptions OPTIONS = new ClickModelOptions(1, 100_000, 1e-10);

    /** One position only: θ_1 = 1 (the scale PBM reports), so α is clicks over impressions, examined all. */
    @Test
    void withTheTopPositionAloneAlphaIsClicksOverExaminations() {
        List<ClickSession> sessions = new Sessions().add(3, "q", "A", 1).add(7, "q", "A").add(1, "q", "B", 1)
                .add(3, "q", "B").list();
        ClickModelFit fit = new PbmEstimator().fit(sessions, OPTIONS);

        assertThat(fit.positionEffects()).containsExactly(1.0);
        assertThat(pair(fit, "q", "A").relevance()).isCloseTo(0.3, within(1e-6));
        assertThat(pair(fit, "q", "B").relevance()).isCloseTo(0.25, within(1e-6));
        assertThat(fit.converged()).isTrue();
    }

    /**
     * Each order of two items 100 times, clicks as θ = (1, 0.5), α_A = 0.8, α_B = 0.4 make them exactly: A 80 at the
     * top and 40 below, B 40 and 20 (PBM's positions are independent, so only these counts matter). The model fits
     * these rates exactly, so EM must land there; α_A is then A's clicks over its expected examinations,
     * 120 / (100·1 + 100·0.5) = 0.8.
     */
    @Test
    void twoItemsSwappedRecoverTheExaminationAndAttractionThatMadeTheClicks() {
        Sessions s = new Sessions();
        // A over B: A clicked 80 times at 1, B 20 at 2: both 16, A alone 64, B alone 4, none 16
        s.add(16, "q", "A,B", 1, 2).add(64, "q", "A,B", 1).add(4, "q", "A,B", 2).add(16, "q", "A,B");
        // B over A: B clicked 40 times at 1, A 40 at 2: both 16, B alone 24, A alone 24, none 36
        s.add(16, "q", "B,A", 1, 2).add(24, "q", "B,A", 1).add(24, "q", "B,A", 2).add(36, "q", "B,A");
        ClickModelFit fit = new PbmEstimator().fit(s.list(), OPTIONS);

        assertThat(fit.positionEffects().get(0)).isEqualTo(1.0);
        assertThat(fit.positionEffects().get(1)).isCloseTo(0.5, within(1e-4));
        PairEstimate a = pair(fit, "q", "A");
        PairEstimate b = pair(fit, "q", "B");
        assertThat(a.relevance()).isCloseTo(0.8, within(1e-4));
        assertThat(b.relevance()).isCloseTo(0.4, within(1e-4));
        assertThat(a.relevance()).isCloseTo(a.clicks() / (100 * 1.0 + 100 * fit.positionEffects().get(1)),
                within(1e-6));
        assertThat(new PbmEstimator().gradeRule().grade(a.relevance())).isEqualTo(3);
        assertThat(new PbmEstimator().gradeRule().grade(b.relevance())).isEqualTo(1);
    }

    @Test
    void theIterationCapStopsEmAndSaysItDidNotConverge() {
        List<ClickSession> sessions = new Sessions().add(5, "q", "A,B", 1).add(5, "q", "B,A", 2).add(5, "q", "A,B")
                .list();
        ClickModelFit fit = new PbmEstimator().fit(sessions, OPTIONS.withMaxIterations(2));

        assertThat(fit.iterations()).isEqualTo(2);
        assertThat(fit.converged()).isFalse();
    }

    @Test
    void theSameSessionsGiveTheSameFitBitForBit() {
        Sessions s = new Sessions();
        for (int i = 0; i < 30; i++) {
            s.add("q" + i % 3, i % 2 == 0 ? "A,B,C" : "C,A,B", i % 3 + 1);
        }
        assertThat(new PbmEstimator().fit(s.list(), ClickModelOptions.defaults().withMinImpressions(1)))
                .isEqualTo(new PbmEstimator().fit(s.list(), ClickModelOptions.defaults().withMinImpressions(1)));
    }
}
