package io.ltrr.engine.clicks.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    /** One swapped pair of four: ρ = 1 − 6·2 / (4·15) = 0.8, τ = (5 − 1) / 6. */
    @Test
    void oneSwapWithoutTies() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 3, 2, 4};
        assertThat(RankCorrelation.spearman(x, y)).isCloseTo(0.8, within(1e-12));
        assertThat(RankCorrelation.kendallTauB(x, y)).isCloseTo(4 / 6.0, within(1e-12));
    }

    /**
     * x ties its middle two: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4) give ρ = 4.5 / √(4.5·5); τ-b: 5 concordant,
     * none discordant, one pair tied in x, so 5 / √(5·6).
     */
    @Test
    void tiesShareTheirMeanRank() {
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 2, 3, 4};
        assertThat(RankCorrelation.spearman(x, y)).isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
        assertThat(RankCorrelation.kendallTauB(x, y)).isCloseTo(5 / Math.sqrt(30), within(1e-12));
        assertThat(RankCorrelation.ranks(x)).containsExactly(1, 2.5, 2.5, 4);
    }

    @Test
    void aConstantSideHasNoCorrelation() {
        double[] x = {1, 1, 1};
        double[] y = {1, 2, 3};
        assertThat(RankCorrelation.spearman(x, y)).isNaN();
        assertThat(RankCorrelation.kendallTauB(x, y)).isNaN();
        assertThat(RankCorrelation.spearman(new double[] {1}, new double[] {2})).isNaN();
    }
}
