package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {
    private static final long SEED = 20261207L;

    /** Pearson's chi-square statistic of observed counts against expected probabilities. */
    static double chiSquare(long[] observed, double[] expected, long n) {
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = expected[i] * n;
            chi += (observed[i] - e) * (observed[i] - e) / e;
        }
        return chi;
    }

    @Test
    void drawsEachIndexInProportionToItsWeight() {
        double[] w = {0.001, 1, 0.5, 0.25, 3, 0.75, 0.01, 2, 0.3, 1};
        AliasTable table = new AliasTable(w);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        assertThat(table.total()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-12));
        double[] p = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            p[i] = w[i] / total;
        }
        long n = 200_000;
        long[] counts = new long[w.length];
        SplittableRandom random = new SplittableRandom(SEED);
        for (long i = 0; i < n; i++) {
            counts[table.sample(random)]++;
        }
        // 9 degrees of freedom: P(chi² > 27.9) = 0.001
        assertThat(chiSquare(counts, p, n)).as("seed " + SEED).isLessThan(27.9);
    }

    @Test
    void aZeroWeightIsNeverDrawn() {
        AliasTable table = new AliasTable(new double[] {0, 1, 0, 2});
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 10_000; i++) {
            assertThat(table.sample(random)).isIn(1, 3);
        }
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        AliasTable table = new AliasTable(new double[] {1, 2, 3, 4, 5});
        SplittableRandom a = new SplittableRandom(SEED);
        SplittableRandom b = new SplittableRandom(SEED);
        for (int i = 0; i < 1_000; i++) {
            assertThat(table.sample(a)).isEqualTo(table.sample(b));
        }
    }

    @Test
    void rejectsWeightsItCannotDrawFrom() {
        assertThatThrownBy(() -> new AliasTable(new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new AliasTable(new double[] {1, Double.NaN})).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).hasMessageContaining("all be 0");
    }
}
