package io.ltrr.engine.ope;

import io.ltrr.engine.store.LoggedRound;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Computes IPS, SNIPS and DR estimates of a target's value from logged rounds, with seeded percentile
 * bootstrap intervals (see the package documentation for the formulas). Deterministic: the same rounds,
 * target, model, resample count and seed give the same figures.
 *
 * @param bootstrap resamples for the intervals (≥ 1; 1,000 is customary)
 * @param level     confidence level in (0, 1), e.g. 0.95
 * @param seed      seed of the resampling
 */
public record OffPolicyEstimator(int bootstrap, double level, long seed) {
    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final double DEFAULT_LEVEL = 0.95;

    public OffPolicyEstimator {
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap must be >= 1, was " + bootstrap);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
    }

    /** 1,000 resamples, 95 % intervals. */
    public static OffPolicyEstimator withSeed(long seed) {
        return new OffPolicyEstimator(DEFAULT_BOOTSTRAP, DEFAULT_LEVEL, seed);
    }

    /**
     * Replays the rounds in order through the target (which may learn as it goes) and estimates its value.
     *
     * @throws IllegalArgumentException when there are no rounds
     */
    public OpeEstimate estimate(List<LoggedRound> rounds, OpeTarget target, RewardModel model) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no logged rounds to evaluate " + target.id() + " on");
        }
        Terms terms = terms(rounds, target, model);
        double[] full = terms.values(null);
        double[][] draws = new double[3][bootstrap];
        SplittableRandom random = new SplittableRandom(seed);
        int[] sample = new int[terms.t];
        for (int b = 0; b < bootstrap; b++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(terms.t);
            }
            double[] v = terms.values(sample);
            for (int e = 0; e < 3; e++) {
                draws[e][b] = v[e];
            }
        }
        Estimate[] estimates = new Estimate[3];
        for (int e = 0; e < 3; e++) {
            Arrays.sort(draws[e]);
            estimates[e] = new Estimate(full[e], quantile(draws[e], (1 - level) / 2), quantile(draws[e], (1 + level) / 2));
        }
        return new OpeEstimate(target.id(), terms.t, terms.unsupported, estimates[0], estimates[1], estimates[2],
                level, bootstrap);
    }

    /** Per-round, per-arm pieces from which every estimator (and every resample) is a sum. */
    private static final class Terms {
        final int t;
        final int arms;
        /** π o r per round and arm (IPS and SNIPS numerators). */
        final double[][] weighted;
        /** o per round and arm (SNIPS denominators). */
        final double[][] observed;
        /** The DR term of each round, summed over arms. */
        final double[] dr;
        int unsupported;

        Terms(int t, int arms) {
            this.t = t;
            this.arms = arms;
            this.weighted = new double[t][arms];
            this.observed = new double[t][arms];
            this.dr = new double[t];
        }

        /** {ips, snips, dr} over the rounds of {@code sample} (null: every round once). */
        double[] values(int[] sample) {
            int n = sample == null ? t : sample.length;
            double[] num = new double[arms];
            double[] den = new double[arms];
            double drSum = 0;
            for (int i = 0; i < n; i++) {
                int r = sample == null ? i : sample[i];
                for (int a = 0; a < arms; a++) {
                    num[a] += weighted[r][a];
                    den[a] += observed[r][a];
                }
                drSum += dr[r];
            }
            double ips = 0;
            double snips = 0;
            for (int a = 0; a < arms; a++) {
                ips += num[a];
                // An arm never observed contributes nothing either way (its numerator is 0 too).
                snips += den[a] > 0 ? num[a] / den[a] : 0;
            }
            return new double[] {ips / n, snips, drSum / n};
        }
    }

    private static Terms terms(List<LoggedRound> rounds, OpeTarget target, RewardModel model) {
        Map<String, Integer> armIndex = new LinkedHashMap<>();
        rounds.forEach(r -> r.offered().forEach(a -> armIndex.putIfAbsent(a, armIndex.size())));
        Terms terms = new Terms(rounds.size(), armIndex.size());
        for (int t = 0; t < rounds.size(); t++) {
            LoggedRound round = rounds.get(t);
            Map<String, Double> pi = target.inclusion(round);
            boolean unsupported = false;
            for (String arm : round.offered()) {
                int a = armIndex.get(arm);
                double p = round.loggedPropensity(arm);
                boolean supported = p > 0; // false for NaN (no propensity logged) too
                double w = pi.getOrDefault(arm, 0.0);
                if (supported && round.chosen().contains(arm)) {
                    double o = 1 / p;
                    terms.observed[t][a] = o;
                    terms.weighted[t][a] = w * o * round.reward(arm);
                }
                if (w > 0) {
                    double rHat = model.predict(round.x(), arm);
                    double correction = supported && round.chosen().contains(arm) ? (round.reward(arm) - rHat) / p : 0;
                    terms.dr[t] += w * (rHat + correction);
                    unsupported |= !supported;
                }
            }
            if (unsupported) {
                terms.unsupported++;
            }
            target.observe(round);
        }
        return terms;
    }

    /** The q-quantile of sorted values by the nearest-rank rule (the percentile bootstrap's convention). */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
