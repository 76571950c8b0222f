package io.ltrr.engine.sim;

import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Several policies on identical traffic, measured on one yardstick. For each of K seeds every policy gets a fresh
 * world of that seed, so all policies meet the same users, queries and click coins (see {@link RandomStreams}).
 *
 * <p>One yardstick for every row, whatever number of arms a policy chooses per round: when the world shows lists,
 * rows are ranked by the expected clicks of the shown list (P(click | shown list) under the scenario's click model,
 * the expectation of CTR without the click coins' noise); otherwise by the regret against one common oracle, the
 * best selection of the largest size any run of the comparison chose (a policy choosing fewer arms is not measured
 * against a smaller oracle of its own). CTR and nDCG@10 of the shown list are reported beside them. Each row after
 * the first also gets its paired difference from the first on the ranking yardstick: per seed on identical
 * traffic, mean and sample sd over the seeds.
 *
 * <p>The runs (policies × seeds) are independent and run on {@code parallelism} threads; each has its own world and
 * policy and is a pure function of its seeds, and results are gathered in a fixed order, so the table is the same
 * byte for byte whatever the parallelism.
 */
public final class Leaderboard {
    /** What rows are ranked by. */
    public enum Yardstick {
        /** Mean P(click | shown list) per round, highest first. */
        EXPECTED_CLICKS,
        /** Cumulative regret against the common oracle, least first (worlds without a shown list). */
        REGRET_VS_COMMON_ORACLE
    }

    private Leaderboard() {
    }

    /** Makes a fresh world for one run: the policy it is for (a baseline may need its own ranker) and the seed. */
    @FunctionalInterface
    public interface Worlds {
        SimulatedWorld create(String policy, long seed);
    }

    /**
     * One policy's row; means and sample standard deviations (0 with one seed) over the seeds.
     *
     * @param regretMean         cumulative regret against the common oracle ({@link Result#oracleArms()} best arms)
     * @param expectedClicksMean mean P(click | shown list) per round (NaN when the world shows no lists)
     * @param ndcgMean           mean nDCG@10 (NaN when the world shows no lists)
     * @param armsPerRound       mean number of arms chosen per round
     * @param armShare           final cumulative arm share, averaged over seeds
     * @param paired             the paired difference from the first row (null for the first row)
     */
    public record Row(String policy, int seeds, double regretMean, double regretSd, double expectedClicksMean,
                      double expectedClicksSd, double ctrMean, double ctrSd, double ndcgMean, double armsPerRound,
                      Map<String, Double> armShare, Paired paired) {
        public Row {
            armShare = Collections.unmodifiableMap(new LinkedHashMap<>(armShare));
        }
    }

    /**
     * A row's difference from the best row on the ranking yardstick, seed by seed (this row's figure minus the best
     * row's, on identical traffic), summarised over the seeds.
     *
     * @param versus the best row's policy
     */
    public record Paired(String versus, double meanDifference, double sd) {
    }

    /**
     * @param rows       best first by {@code rankedBy}
     * @param rankedBy   the yardstick every row is ranked by
     * @param oracleArms the size of the common oracle's selection: the most arms any run chose in one round
     */
    public record Result(List<Row> rows, Yardstick rankedBy, int oracleArms) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param worlds      a fresh world for a policy and seed; called once per run, from the run's thread but never
     *                    by two runs at once (a factory need not be thread-safe; the worlds' plays must not share
     *                    mutable state that changes their results)
     * @param seed        seeds used are seed, seed + 1, …, seed + seeds − 1
     * @param parallelism runs played at once (≥ 1); the result does not depend on it
     * @throws java.util.concurrent.CancellationException when {@code cancel} is cancelled
     */
    public static Result run(Worlds worlds, List<String> policies, long rounds, long seed, int seeds,
                             int parallelism, ProgressListener progress, CancellationToken cancel) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, was " + seeds);
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("policies must not be empty");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        List<Run> runs = playAll(worlds, policies, rounds, seed, seeds, parallelism, progress, cancel);
        int oracleArms = runs.stream().mapToInt(r -> r.figures().maxArms()).max().orElse(1);
        boolean lists = runs.stream().allMatch(r -> !Double.isNaN(r.figures().expectedClicks()));
        Yardstick yardstick = lists ? Yardstick.EXPECTED_CLICKS : Yardstick.REGRET_VS_COMMON_ORACLE;
        List<List<Run>> byPolicy = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            byPolicy.add(runs.subList(p * seeds, (p + 1) * seeds));
        }
        Comparator<List<Run>> order = Comparator.comparingDouble(r -> score(r, yardstick, oracleArms));
        // stable: ties keep the order the policies were asked in
        List<List<Run>> ranked = new ArrayList<>(byPolicy);
        ranked.sort(order);
        List<Row> rows = new ArrayList<>();
        for (List<Run> r : ranked) {
            rows.add(row(r, ranked.getFirst(), yardstick, oracleArms));
        }
        return new Result(rows, yardstick, oracleArms);
    }

    /** One run: the metrics and the yardstick figures of one policy on one seed. */
    record Run(String policy, long seed, SimulationMetrics metrics, RunYardstick.Figures figures) {
    }

    private static List<Run> playAll(Worlds worlds, List<String> policies, long rounds, long seed, int seeds,
                                     int parallelism, ProgressListener progress, CancellationToken cancel) {
        Object worldLock = new Object();
        AtomicBoolean failed = new AtomicBoolean();
        long total = (long) policies.size() * seeds;
        long[] done = {0};
        List<Callable<Run>> tasks = new ArrayList<>();
        for (String policy : policies) {
            for (int k = 0; k < seeds; k++) {
                long s = seed + k;
                tasks.add(() -> {
                    try {
                        SimulatedWorld world;
                        synchronized (worldLock) {
                            world = worlds.create(policy, s);
                        }
                        RunYardstick yardstick = new RunYardstick(failed::get);
                        SimulationMetrics m = new Simulator(world).run(
                                SimulationPolicies.create(policy, s, world.featureNames()), rounds,
                                MetricsListener.NONE, yardstick, ProgressListener.NONE, cancel);
                        synchronized (done) {
                            progress.progress("comparing", ++done[0], total);
                        }
                        return new Run(policy, s, m, yardstick.figures());
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                });
            }
        }
        return ParallelRuns.run(tasks, parallelism);
    }

    /** The ranking key of a policy's runs: smaller is better. */
    private static double score(List<Run> runs, Yardstick yardstick, int oracleArms) {
        double[] v = values(runs, yardstick, oracleArms);
        double m = mean(v);
        return yardstick == Yardstick.EXPECTED_CLICKS ? -m : m;
    }

    /** Each run's figure on the yardstick, in seed order. */
    private static double[] values(List<Run> runs, Yardstick yardstick, int oracleArms) {
        return runs.stream().mapToDouble(r -> yardstick == Yardstick.EXPECTED_CLICKS
                ? r.figures().expectedClicks() : r.figures().regretAgainst(oracleArms)).toArray();
    }

    static Row row(List<Run> runs, List<Run> best, Yardstick yardstick, int oracleArms) {
        double[] regret = runs.stream().mapToDouble(r -> r.figures().regretAgainst(oracleArms)).toArray();
        double[] clicks = runs.stream().mapToDouble(r -> r.figures().expectedClicks()).toArray();
        double[] ctr = runs.stream().mapToDouble(r -> r.metrics().ctr()).toArray();
        Map<String, Double> share = new LinkedHashMap<>();
        for (Run r : runs) {
            r.metrics().armShare().forEach((a, s) -> share.merge(a, s / runs.size(), Double::sum));
        }
        Paired paired = null;
        if (runs != best) {
            double[] mine = values(runs, yardstick, oracleArms);
            double[] theirs = values(best, yardstick, oracleArms);
            double[] diff = new double[mine.length];
            for (int k = 0; k < diff.length; k++) {
                diff[k] = mine[k] - theirs[k];
            }
            paired = new Paired(best.getFirst().policy(), mean(diff), sd(diff));
        }
        return new Row(runs.getFirst().policy(), runs.size(), mean(regret), sd(regret), mean(clicks), sd(clicks),
                mean(ctr), sd(ctr), mean(runs.stream().mapToDouble(r -> r.metrics().meanNdcg10()).toArray()),
                mean(runs.stream().mapToDouble(r -> r.figures().meanArms()).toArray()), share, paired);
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
