package io.ltrr.engine.bandit;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>The bucket of a context comes from a {@link ContextBucketing} of declared features (default:
 * {@link ContextBucketing#defaults()}, the live context's voice, entity and topical features). Propensities are integrated
 * ({@link TopMembership}), or with {@link PropensityMethod#MONTE_CARLO} (and for a posterior below Beta(1, 1),
 * which no learning produces) Monte Carlo estimates over {@code draws} posterior samples from the round's
 * propensity stream.
 */
public final class ThompsonPolicy extends SeededPolicy<BucketPosteriors> {
    public static final String ID = "thompson";
    public static final int DEFAULT_DRAWS = 2_000;
    /** How snapshots before issue 23 described the default bucketing. */
    static final String EARLIER_DEFAULT_BUCKETING =
            "features prefix='bucket.' listed=[device.voice, qu.type.entity, qu.type.topical]";

    private final int draws;
    private final PropensityMethod propensity;

    public ThompsonPolicy(long seed) {
        this(seed, ContextBucketing.defaults());
    }

    public ThompsonPolicy(long seed, ContextBucketing bucketing) {
        this(seed, bucketing, DEFAULT_DRAWS);
    }

    /** @param draws Monte Carlo draws per round for the propensities, at least 1,000 */
    public ThompsonPolicy(long seed, ContextBucketing bucketing, int draws) {
        this(seed, bucketing, draws, PropensityMethod.INTEGRAL);
    }

    /**
     * @param draws      Monte Carlo draws per round when the propensities are estimated by Monte Carlo, at least 1,000
     * @param propensity how the logged propensities are computed (not part of the snapshot's configuration: it
     *                   changes no decision and nothing learned)
     */
    public ThompsonPolicy(long seed, ContextBucketing bucketing, int draws, PropensityMethod propensity) {
        super(seed, new BucketPosteriors(bucketing));
        this.draws = MonteCarloPropensity.checkDraws(draws);
        this.propensity = java.util.Objects.requireNonNull(propensity, "propensity");
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
        Map<String, Double> propensity = new LazyPropensity(arms, () -> integrable(posteriors)
                ? TopMembership.propensities(tables(posteriors), m, top)
                : MonteCarloPropensity.estimate(n, m, draws, sampler, propensityRandom, top));

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

    /** Whether the propensities are integrated: asked for, and every posterior has a bounded density (α, β ≥ 1). */
    private boolean integrable(Posterior[] posteriors) {
        if (propensity != PropensityMethod.INTEGRAL) {
            return false;
        }
        for (Posterior p : posteriors) {
            if (!(p.alpha() >= 1 && p.beta() >= 1)) {
                return false;
            }
        }
        return true;
    }

    private static ScoreTable[] tables(Posterior[] posteriors) {
        ScoreTable[] tables = new ScoreTable[posteriors.length];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = ScoreTable.beta(posteriors[i].alpha(), posteriors[i].beta(), TopMembership.PANELS);
        }
        return tables;
    }

    @Override
    public List<String> contextFeatures() {
        return learned.bucketing().features();
    }

    @Override
    protected void configure(ObjectNode config) {
        putBucketing(config, learned.bucketing());
        config.put("draws", draws);
    }

    /**
     * Before issue 23 the default bucketing was "every feature named bucket.* plus three listed names no context
     * has", stored as {@link #EARLIER_DEFAULT_BUCKETING}. On the live context, whose only bucket.* features are
     * {@link ContextBucketing#DEFAULT_FEATURES}, that gave exactly the keys the declared default gives (the present
     * features sorted by name), so such a snapshot restores as is into the default bucketing.
     */
    @Override
    protected boolean continuesEarlierConfig(JsonNode stored) {
        return EARLIER_DEFAULT_BUCKETING.equals(stored.path("bucketing").asText(null))
                && stored.path("draws").asInt() == draws && stored.size() == 2
                && learned.bucketing().features().equals(ContextBucketing.DEFAULT_FEATURES);
    }
}
