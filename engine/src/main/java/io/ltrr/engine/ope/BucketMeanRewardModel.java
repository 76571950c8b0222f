package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.LoggedRound;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * r̂(x, a) as the mean observed reward of arm a among logged rounds with exactly the same x, shrunk towards the
 * arm's overall mean: r̂ = (Σ r + λ·m_a) / (n + λ), where m_a = (Σ_a r + λ·m) / (n_a + λ) is in turn shrunk to
 * the global mean m. Contexts with continuous features are mostly singletons and fall back to m_a; that is fine
 * for DR, which only needs r̂ to be a reasonable baseline, its correction term fixes the bias.
 *
 * <p>The observed rewards are averaged unweighted: whether a was chosen never depends on the round's own reward,
 * only on x and earlier rounds, so within one exact context the plain mean of observed r_a is unbiased for
 * μ(x, a); across contexts it is not, which the shrinkage only tempers (DR's correction term handles the rest).
 */
public final class BucketMeanRewardModel implements RewardModel {
    /** Prior strength λ in pseudo-observations. */
    public static final double DEFAULT_STRENGTH = 2;

    private final double strength;
    private final double globalMean;
    private final Map<String, double[]> perArm = new HashMap<>();
    private final Map<Key, double[]> perBucket = new HashMap<>();

    private record Key(List<Double> x, String arm) {
    }

    private BucketMeanRewardModel(double strength, List<LoggedRound> rounds) {
        this.strength = strength;
        double sum = 0;
        long n = 0;
        for (LoggedRound r : rounds) {
            List<Double> x = Arrays.stream(r.x().values()).boxed().toList();
            for (String arm : r.chosen()) {
                double reward = r.reward(arm);
                sum += reward;
                n++;
                add(perArm.computeIfAbsent(arm, a -> new double[2]), reward);
                add(perBucket.computeIfAbsent(new Key(x, arm), k -> new double[2]), reward);
            }
        }
        this.globalMean = n == 0 ? 0.5 : sum / n;
    }

    /** Fits the model on the logged rounds' observed rewards. */
    public static BucketMeanRewardModel fit(List<LoggedRound> rounds) {
        return fit(rounds, DEFAULT_STRENGTH);
    }

    /** With a prior strength λ &gt; 0. */
    public static BucketMeanRewardModel fit(List<LoggedRound> rounds, double strength) {
        if (!(strength > 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be a finite number > 0, was " + strength);
        }
        return new BucketMeanRewardModel(strength, rounds);
    }

    private static void add(double[] acc, double reward) {
        acc[0] += reward;
        acc[1]++;
    }

    @Override
    public double predict(ContextVector x, String arm) {
        double armMean = shrink(perArm.get(arm), globalMean);
        return shrink(perBucket.get(new Key(Arrays.stream(x.values()).boxed().toList(), arm)), armMean);
    }

    private double shrink(double[] acc, double prior) {
        return acc == null ? prior : (acc[0] + strength * prior) / (acc[1] + strength);
    }
}
