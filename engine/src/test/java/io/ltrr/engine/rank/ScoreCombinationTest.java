package io.ltrr.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each weighted mean against figures computed by hand. */
class ScoreCombinationTest {
    private static final double EPS = 1e-12;
    private static final double[] S = {0.8, 0.2};
    private static final double[] W = {0.75, 0.25};

    @Test
    void arithmeticMean() {
        // (0.75·0.8 + 0.25·0.2) / 1 = 0.65
        assertThat(ScoreCombination.ARITHMETIC.combine(S, W)).isCloseTo(0.65, within(EPS));
        // weights need not sum to 1: (2·0.8 + 2·0.2) / 4 = 0.5
        assertThat(ScoreCombination.ARITHMETIC.combine(S, new double[] {2, 2})).isCloseTo(0.5, within(EPS));
    }

    @Test
    void geometricMean() {
        // exp(0.75 ln 0.8 + 0.25 ln 0.2) = 0.8^0.75 · 0.2^0.25 = 0.565685…
        assertThat(ScoreCombination.GEOMETRIC.combine(S, W))
                .isCloseTo(Math.pow(0.8, 0.75) * Math.pow(0.2, 0.25), within(EPS));
        assertThat(ScoreCombination.GEOMETRIC.combine(S, W)).isCloseTo(0.5656854, within(1e-7));
    }

    @Test
    void harmonicMean() {
        // 1 / (0.75 / 0.8 + 0.25 / 0.2) = 1 / (0.9375 + 1.25) = 0.457142…
        assertThat(ScoreCombination.HARMONIC.combine(S, W)).isCloseTo(1 / 2.1875, within(EPS));
    }

    @Test
    void aMissedArmPullsTheGeometricAndHarmonicMeansDownToTheFloor() {
        double[] missed = {1.0, 0.0};
        double[] equal = {1, 1};
        assertThat(ScoreCombination.ARITHMETIC.combine(missed, equal)).isCloseTo(0.5, within(EPS));
        // √(1 · 0.001)
        assertThat(ScoreCombination.GEOMETRIC.combine(missed, equal)).isCloseTo(Math.sqrt(ScoreCombination.FLOOR),
                within(EPS));
        // 2 / (1 + 1000)
        assertThat(ScoreCombination.HARMONIC.combine(missed, equal)).isCloseTo(2.0 / 1001, within(EPS));
    }

    @Test
    void zeroWeightsGiveZero() {
        assertThat(ScoreCombination.ARITHMETIC.combine(S, new double[] {0, 0})).isZero();
    }

    @Test
    void namesAreRead() {
        assertThat(ScoreCombination.fromKey("harmonic-mean")).isEqualTo(ScoreCombination.HARMONIC);
        assertThat(ScoreCombination.fromKey("geometric")).isEqualTo(ScoreCombination.GEOMETRIC);
        assertThatThrownBy(() -> ScoreCombination.fromKey("median")).hasMessageContaining("arithmetic");
    }
}
