package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.bandit.BucketPosteriors.Posterior;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Beta-Bernoulli Thompson sampling per context bucket ("thompson"). Each (bucket, arm) has a Beta(α, β)
 * posterior starting from Beta(1, 1); a round samples every offered arm's posterior and chooses the m highest
 * samples. Fractional rewards (ratings as grade/3) are fractional pseudo-counts: α += r, β += 1 − r.
 *
 * <p>The bucket of a context comes from a {@link ContextBucketing} (default: {@link ContextBucketing#defaults()},
 * the features named "bucket.*" plus device.voice, qu.type.entity, qu.type.topical). Propensities are Monte
 * Carlo estimates over {@code draws} further posterior samples from the round's propensity stream.
 */
public final class ThompsonPolicy extends SeededPolicy<BucketPosteriors> {
    public static final String ID = "thompson";
    public static final int DEFAULT_DRAWS = 2_000;

    private final int draws;

    public ThompsonPolicy(long seed) {
        this(seed, ContextBucketing.defaults());
    }

    public ThompsonPolicy(long seed, ContextBucketing bucketing) {
        this(seed, bucketing, DEFAULT_DRAWS);
    }

    /** @param draws Monte Carlo draws per round for the propensities, at least 1,000 */
    public ThompsonPolicy(long seed, ContextBucketing bucketing, int draws) {
        super(seed, new BucketPosteriors(bucketing));
        this.draws = MonteCarloPropensity.checkDraws(draws);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        Map<String, Posterior> bucket = learned.bucket(x);
        Posterior[] posteriors = new Posterior[n];
        for (int i = 0; i < n; i++) {
            posteriors[i] = bucket.getOrDefault(arms.get(i), Posterior.PRIOR);
        }
        MonteCarloPropensity.ScoreSampler sampler = (random, scores) -> {
            for (int i = 0; i < n; i++) {
                scores[i] = BetaSampler.beta(random, posteriors[i].alpha(), posteriors[i].beta());
            }
        };
        double[] sampled = new double[n];
        sampler.sample(random(round, RoundRandom.DECISION), sampled);
        int[] top = TopArms.of(sampled, m);
        SplittableRandom propensityRandom = random(round, RoundRandom.PROPENSITY);
        // posteriors is this round's snapshot (records are immutable), so the estimate is the same whenever it runs
        Map<String, Double> propensity = new LazyPropensity(arms,
                () -> MonteCarloPropensity.estimate(n, m, draws, sampler, propensityRandom, top));

        List<String> chosen = new ArrayList<>();
        for (int i : top) {
            chosen.add(arms.get(i));
        }
        Map<String, ArmDiagnostics> diagnostics = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Posterior post = posteriors[i];
            diagnostics.put(arms.get(i), new ArmDiagnostics(post.mean(), post.sd(), sampled[i], post.pulls()));
        }
        return new Decision(chosen, propensity, diagnostics);
    }

    @Override
    protected void configure(ObjectNode config) {
        config.put("bucketing", learned.bucketing().description()).put("draws", draws);
    }
}
