package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The integrated propensities against hand-computed cases, commons-math3's special functions, and Monte Carlo with
 * many draws. Tolerances: 5e-4 where the answer is exact (the integration error is about 2e-4 there, 80 times below
 * the 0.016 standard error of the 1,000-draw estimate); 0.004 against 400,000 Monte Carlo draws, whose standard
 * error is at most sqrt(0.25 / 400,000) ≈ 0.0008 (so 0.004 is 5 standard errors), while the 1,000-draw estimate the
 * policies used to log has a standard error of up to 0.016: the integral is at least as accurate.
 */
class TopMembershipTest {
    private static final int PANELS = TopMembership.PANELS;

    /**
     * Beta(a, b) with a, b ≥ 2 within 2e-3 everywhere. With a or b in (1, 2) the density has an infinite slope at
     * that end of [0, 1] (a posterior with less than one success or failure behind it); the table's first panel
     * there is less exact, within 0.03 — such an arm's mass sits at the very end of [0, 1], where the propensities
     * are checked against Monte Carlo below.
     */
    @Test
    void betaTableMatchesTheRegularizedIncompleteBeta() {
        assertThat(worstCdfError(2, 3)).isLessThan(2e-3);
        assertThat(worstCdfError(1, 5)).isLessThan(0.03);
    }

    private static double worstCdfError(double least, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double worst = 0;
        String where = "";
        for (int c = 0; c < 300; c++) {
            double a = least + (random.nextBoolean() ? random.nextDouble(0, 5) : random.nextDouble(0, 5_000));
            double b = least + (random.nextBoolean() ? random.nextDouble(0, 5) : random.nextDouble(0, 5_000));
            ScoreTable t = ScoreTable.beta(a, b, PANELS);
            for (int k = 0; k < 50; k++) {
                double x = t.lo() + (t.hi() - t.lo()) * random.nextDouble();
                double error = Math.abs(t.cdf(x) - Beta.regularizedBeta(x, a, b));
                if (error > worst) {
                    worst = error;
                    where = "Beta(" + a + ", " + b + ") at " + x;
                }
            }
        }
        System.out.printf("ScoreTable CDF, a, b >= %s (seed %d): largest error %.2e, %s%n", least, seed, worst, where);
        return worst;
    }

    @Test
    void cdfAndDensityInOneGoEqualTheSeparateOnes() {
        ScoreTable t = ScoreTable.beta(7.5, 20.25, PANELS);
        double[] cdf = new double[1];
        double[] density = new double[1];
        for (double x = -0.01; x < 1.01; x += 0.00731) {
            t.evaluate(x, cdf, density, 0);
            assertThat(cdf[0]).as("x = %s", x).isCloseTo(t.cdf(x), within(1e-12));
            assertThat(density[0]).as("x = %s", x).isCloseTo(t.density(x), within(1e-9));
        }
    }

    @Test
    void gaussianTableMatchesTheErrorFunction() {
        ScoreTable t = ScoreTable.gaussian(0.3, 0.05, PANELS);
        for (double x = 0.1; x < 0.5; x += 0.0137) {
            double exact = 0.5 * (1 + Erf.erf((x - 0.3) / (0.05 * Math.sqrt(2))));
            assertThat(t.cdf(x)).as("x = %s", x).isCloseTo(exact, within(2e-3));
        }
    }

    @Test
    void twoBetasHandComputed() {
        // X1 ~ Beta(1, 1) (uniform), X2 ~ Beta(2, 1) (density 2x): P(X2 > X1) = ∫ 2x · x dx = 2/3.
        double[] p = TopMembership.probabilities(new ScoreTable[] {ScoreTable.beta(1, 1, PANELS),
                ScoreTable.beta(2, 1, PANELS)}, 1);
        assertThat(p[1]).isCloseTo(2.0 / 3, within(5e-4));
        assertThat(p[0]).isCloseTo(1.0 / 3, within(5e-4));
    }

    @Test
    void twoGaussiansHandComputed() {
        // X2 − X1 ~ N(1, 1 + 4): P(X2 > X1) = Φ(1/√5) = 0.6726396…
        double[] p = TopMembership.probabilities(new ScoreTable[] {ScoreTable.gaussian(0, 1, PANELS),
                ScoreTable.gaussian(1, 2, PANELS)}, 1);
        assertThat(p[1]).isCloseTo(0.5 * (1 + Erf.erf(1 / Math.sqrt(5) / Math.sqrt(2))), within(5e-4));
    }

    @Test
    void equalPosteriorsShareTheSlotsEvenly() {
        ScoreTable[] same = new ScoreTable[5];
        Arrays.fill(same, ScoreTable.beta(3, 7, PANELS));
        assertThat(TopMembership.probabilities(same, 2)).containsOnly(new double[] {0.4}, within(5e-4));
    }

    @Test
    void betaPosteriorsAgreeWithManyMonteCarloDraws() {
        SplittableRandom random = new SplittableRandom(11);
        for (int c = 0; c < 40; c++) {
            int n = 2 + random.nextInt(7);
            int m = 1 + random.nextInt(Math.min(3, n - 1));
            double[] a = new double[n];
            double[] b = new double[n];
            ScoreTable[] tables = new ScoreTable[n];
            for (int i = 0; i < n; i++) {
                // pulls from none to thousands; rates spread so that some arms overlap and some do not
                double pulls = random.nextInt(4) == 0 ? 0 : Math.exp(random.nextDouble(0, Math.log(5_000)));
                double rate = random.nextDouble(0.2, 0.6);
                a[i] = 1 + pulls * rate;
                b[i] = 1 + pulls * (1 - rate);
                tables[i] = ScoreTable.beta(a[i], b[i], PANELS);
            }
            MonteCarloPropensity.ScoreSampler sampler = (r, s) -> {
                for (int i = 0; i < n; i++) {
                    s[i] = BetaSampler.beta(r, a[i], b[i]);
                }
            };
            assertAgrees(tables, m, sampler, "beta case " + c + " (seed 11), a=" + Arrays.toString(a) + " b="
                    + Arrays.toString(b));
        }
    }

    @Test
    void gaussianScoresAgreeWithManyMonteCarloDraws() {
        SplittableRandom random = new SplittableRandom(13);
        for (int c = 0; c < 40; c++) {
            int n = 2 + random.nextInt(7);
            int m = 1 + random.nextInt(Math.min(3, n - 1));
            double[] mean = new double[n];
            double[] sd = new double[n];
            ScoreTable[] tables = new ScoreTable[n];
            for (int i = 0; i < n; i++) {
                mean[i] = random.nextDouble(-0.2, 0.8);
                sd[i] = Math.exp(random.nextDouble(Math.log(0.005), Math.log(1)));
                tables[i] = ScoreTable.gaussian(mean[i], sd[i], PANELS);
            }
            MonteCarloPropensity.ScoreSampler sampler = (r, s) -> {
                for (int i = 0; i < n; i++) {
                    s[i] = mean[i] + sd[i] * r.nextGaussian();
                }
            };
            assertAgrees(tables, m, sampler, "gaussian case " + c + " (seed 13), mean=" + Arrays.toString(mean)
                    + " sd=" + Arrays.toString(sd));
        }
    }

    @Test
    void loggedPropensitiesSumToTheChosenCountAndNeverZeroForAChosenArm() {
        // arm 0 is far below arm 1: its true probability of being chosen underflows
        ScoreTable[] tables = {ScoreTable.beta(2, 5_000, PANELS), ScoreTable.beta(4_000, 1_000, PANELS),
                ScoreTable.beta(30, 30, PANELS)};
        double[] p = TopMembership.propensities(tables, 2, new int[] {1, 0});
        assertThat(p[0]).isGreaterThanOrEqualTo(TopMembership.FLOOR);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(2, within(1e-9));
        assertThat(p[1]).isCloseTo(1, within(1e-6));
    }

    private static void assertAgrees(ScoreTable[] tables, int m, MonteCarloPropensity.ScoreSampler sampler,
                                     String what) {
        int n = tables.length;
        double[] mc = MonteCarloPropensity.estimate(n, m, 400_000, sampler, new SplittableRandom(what.hashCode()),
                new int[0]);
        double[] integral = TopMembership.probabilities(tables, m);
        for (int i = 0; i < n; i++) {
            assertThat(integral[i]).as("%s: arm %d of %d, top %d; integral %s, Monte Carlo %s", what, i, n, m,
                    Arrays.toString(integral), Arrays.toString(mc)).isCloseTo(mc[i] * 400_001 / 400_000, within(0.004));
        }
    }
}
