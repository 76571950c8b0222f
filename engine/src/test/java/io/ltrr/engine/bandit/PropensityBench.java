package io.ltrr.engine.bandit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Manual benchmark (not a test): thread CPU time of one propensity computation of 8 arms, top 3 — integrated
 * ({@link TopMembership}) and Monte Carlo with 2,000 draws ({@link MonteCarloPropensity}, the policies' earlier
 * default) — on the same seeded posteriors, alternating the two so that both see the same machine load. Beta
 * posteriors of 0 to 2,000 pulls (Thompson) and Gaussian scores (linear Thompson). Run: {@code java -cp <test
 * classpath> io.ltrr.engine.bandit.PropensityBench}.
 */
public final class PropensityBench {
    private static final int ARMS = 8;
    private static final int TOP = 3;

    private PropensityBench() {
    }

    public static void main(String[] args) {
        for (String kind : new String[] {"beta", "gaussian"}) {
            run(kind, 3_000, false);
            run(kind, 10_000, true);
        }
    }

    private static void run(String kind, int cases, boolean print) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(1);
        long integralNanos = 0;
        long monteCarloNanos = 0;
        double sink = 0;
        for (int c = 0; c < cases; c++) {
            double[] a = new double[ARMS];
            double[] b = new double[ARMS];
            for (int i = 0; i < ARMS; i++) {
                double pulls = random.nextInt(8) == 0 ? 0 : random.nextDouble(0, 2_000);
                double rate = random.nextDouble(0.1, 0.6);
                a[i] = 1 + pulls * rate;
                b[i] = 1 + pulls * (1 - rate);
            }
            boolean beta = kind.equals("beta");
            MonteCarloPropensity.ScoreSampler sampler = beta
                    ? (r, s) -> {
                        for (int i = 0; i < ARMS; i++) {
                            s[i] = BetaSampler.beta(r, a[i], b[i]);
                        }
                    }
                    : (r, s) -> {
                        for (int i = 0; i < ARMS; i++) {
                            s[i] = a[i] / (a[i] + b[i]) + Math.sqrt(1 / (a[i] + b[i])) * r.nextGaussian();
                        }
                    };
            long t0 = threads.getCurrentThreadCpuTime();
            ScoreTable[] tables = new ScoreTable[ARMS];
            for (int i = 0; i < ARMS; i++) {
                tables[i] = beta ? ScoreTable.beta(a[i], b[i], TopMembership.PANELS)
                        : ScoreTable.gaussian(a[i] / (a[i] + b[i]), Math.sqrt(1 / (a[i] + b[i])), TopMembership.PANELS);
            }
            sink += TopMembership.propensities(tables, TOP, new int[] {0, 1, 2})[0];
            long t1 = threads.getCurrentThreadCpuTime();
            sink += MonteCarloPropensity.estimate(ARMS, TOP, 2_000, sampler, new SplittableRandom(c), new int[] {0, 1, 2})[0];
            long t2 = threads.getCurrentThreadCpuTime();
            integralNanos += t1 - t0;
            monteCarloNanos += t2 - t1;
        }
        if (print) {
            System.out.printf("%-8s %d cases of %d arms, top %d: integral %.1f µs cpu, Monte Carlo (2,000 draws) %.1f µs "
                    + "cpu (checksum %.3f)%n", kind, cases, ARMS, TOP, integralNanos / 1e3 / cases,
                    monteCarloNanos / 1e3 / cases, sink);
        }
    }
}
