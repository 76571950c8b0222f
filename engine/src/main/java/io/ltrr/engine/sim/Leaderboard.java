package io.ltrr.engine.sim;

import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Several policies on identical traffic: for each of K seeds every policy gets a fresh world of that seed, so all
 * policies meet the same users, queries and click coins (see {@link RandomStreams}); the table reports mean and
 * sample standard deviation over the seeds, best (least regret) first.
 */
public final class Leaderboard {
    private Leaderboard() {
    }

    /**
     * One policy's row.
     *
     * @param policy     policy id
     * @param seeds      runs averaged
     * @param regretMean mean cumulative regret
     * @param regretSd   its sample standard deviation (0 with one seed)
     * @param ctrMean    mean CTR
     * @param ctrSd      its sample standard deviation
     * @param ndcgMean   mean nDCG@10 (NaN when the world shows no lists)
     * @param armShare   final cumulative arm share, averaged over seeds
     */
    public record Row(String policy, int seeds, double regretMean, double regretSd, double ctrMean, double ctrSd,
                      double ndcgMean, Map<String, Double> armShare) {
        public Row {
            armShare = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(armShare));
        }
    }

    /**
     * @param worlds   a fresh world for a seed (called once per policy and seed)
     * @param seed     seeds used are seed, seed + 1, …, seed + seeds − 1
     */
    public static List<Row> run(LongFunction<SimulatedWorld> worlds, List<String> policies, long rounds, long seed,
                                int seeds, ProgressListener progress, CancellationToken cancel) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, was " + seeds);
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("policies must not be empty");
        }
        List<Row> rows = new ArrayList<>();
        long total = (long) policies.size() * seeds;
        long done = 0;
        for (String policy : policies) {
            List<SimulationMetrics> runs = new ArrayList<>(seeds);
            for (int k = 0; k < seeds; k++) {
                SimulatedWorld world = worlds.apply(seed + k);
                runs.add(new Simulator(world).run(SimulationPolicies.create(policy, seed + k, world.featureNames()),
                        rounds, MetricsListener.NONE, RoundObserver.NONE, ProgressListener.NONE, cancel));
                progress.progress("comparing", ++done, total);
            }
            rows.add(row(policy, runs));
        }
        rows.sort(Comparator.comparingDouble(Row::regretMean));
        return rows;
    }

    static Row row(String policy, List<SimulationMetrics> runs) {
        double[] regret = runs.stream().mapToDouble(SimulationMetrics::cumulativeRegret).toArray();
        double[] ctr = runs.stream().mapToDouble(SimulationMetrics::ctr).toArray();
        Map<String, Double> share = new LinkedHashMap<>();
        for (SimulationMetrics m : runs) {
            m.armShare().forEach((a, s) -> share.merge(a, s / runs.size(), Double::sum));
        }
        return new Row(policy, runs.size(), mean(regret), sd(regret), mean(ctr), sd(ctr),
                mean(runs.stream().mapToDouble(SimulationMetrics::meanNdcg10).toArray()), share);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
