package io.ltrr.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each normaliser against figures computed by hand. */
class ScoreNormalizationTest {
    private static final double EPS = 1e-12;

    @Test
    void minMaxMapsTheListOntoZeroToOne() {
        // (s - 2) / (10 - 2): 10 → 1, 6 → 0.5, 2 → 0, 4 → 0.25
        assertThat(ScoreNormalization.MIN_MAX.normalize(new double[] {10, 6, 2, 4}))
                .containsExactly(new double[] {1, 0.5, 0, 0.25}, within(EPS));
        assertThat(ScoreNormalization.MIN_MAX.absent(new double[] {1, 0})).isZero();
    }

    @Test
    void minMaxOfEqualScoresIsOneForEach() {
        assertThat(ScoreNormalization.MIN_MAX.normalize(new double[] {3, 3})).containsExactly(1, 1);
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() {
        // mean 5, population variance ((4)² + 0 + (−4)² + 0) / 4 = 8, sd √8 = 2.8284…
        double sd = Math.sqrt(8);
        double[] z = ScoreNormalization.Z_SCORE.normalize(new double[] {9, 5, 1, 5});
        assertThat(z).containsExactly(new double[] {4 / sd, 0, -4 / sd, 0}, within(EPS));
        assertThat(ScoreNormalization.Z_SCORE.absent(z)).isCloseTo(-4 / sd, within(EPS));
        assertThat(ScoreNormalization.Z_SCORE.normalize(new double[] {2, 2})).containsExactly(0, 0);
    }

    @Test
    void l2DividesByTheEuclideanNorm() {
        // ‖(3, 4)‖ = 5
        assertThat(ScoreNormalization.L2.normalize(new double[] {3, 4}))
                .containsExactly(new double[] {0.6, 0.8}, within(EPS));
        assertThat(ScoreNormalization.L2.normalize(new double[] {0, 0})).containsExactly(0, 0);
        assertThat(ScoreNormalization.L2.absent(new double[] {0.6, 0.8})).isZero();
    }

    @Test
    void namesAreReadWithOrWithoutHyphens() {
        assertThat(ScoreNormalization.fromKey("min-max")).isEqualTo(ScoreNormalization.MIN_MAX);
        assertThat(ScoreNormalization.fromKey("zscore")).isEqualTo(ScoreNormalization.Z_SCORE);
        assertThat(ScoreNormalization.fromKey("L2")).isEqualTo(ScoreNormalization.L2);
        assertThatThrownBy(() -> ScoreNormalization.fromKey("softmax")).hasMessageContaining("min-max, z-score, l2");
    }
}
