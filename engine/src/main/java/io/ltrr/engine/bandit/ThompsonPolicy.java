package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
public final class ThompsonPolicy extends SeededPolicy {
    public static final String ID = "thompson";
    public static final int DEFAULT_DRAWS = 2_000;

    /** One (bucket, arm) posterior. */
    record Posterior(double alpha, double beta, long pulls) {
        static final Posterior PRIOR = new Posterior(1, 1, 0);

        Posterior plus(double reward) {
            return new Posterior(alpha + reward, beta + 1 - reward, pulls + 1);
        }

        double mean() {
            return alpha / (alpha + beta);
        }

        double sd() {
            double n = alpha + beta;
            return Math.sqrt(alpha * beta / (n * n * (n + 1)));
        }
    }

    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Posterior>>> TYPE =
            new TypeReference<>() {
            };

    private final ContextBucketing bucketing;
    private final int draws;
    private Map<String, LinkedHashMap<String, Posterior>> buckets = new LinkedHashMap<>();

    public ThompsonPolicy(long seed) {
        this(seed, ContextBucketing.defaults());
    }

    public ThompsonPolicy(long seed, ContextBucketing bucketing) {
        this(seed, bucketing, DEFAULT_DRAWS);
    }

    /** @param draws Monte Carlo draws per round for the propensities, at least 1,000 */
    public ThompsonPolicy(long seed, ContextBucketing bucketing, int draws) {
        super(seed);
        this.bucketing = Objects.requireNonNull(bucketing, "bucketing");
        this.draws = MonteCarloPropensity.checkDraws(draws);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Decision decide(ContextVector x, List<String> arms, int m, long round) {
        int n = arms.size();
        Map<String, Posterior> bucket = buckets.getOrDefault(bucketing.bucketOf(x), new LinkedHashMap<>());
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
    protected void learn(ContextVector x, String arm, double reward) {
        buckets.computeIfAbsent(bucketing.bucketOf(x), b -> new LinkedHashMap<>())
                .merge(arm, Posterior.PRIOR.plus(reward), (old, fresh) -> old.plus(reward));
    }

    @Override
    protected ObjectNode config() {
        return JSON.createObjectNode().put("bucketing", bucketing.description()).put("draws", draws);
    }

    @Override
    protected JsonNode state() {
        return JSON.valueToTree(buckets);
    }

    @Override
    protected void restoreState(JsonNode state) throws JsonProcessingException {
        buckets = JSON.treeToValue(state, JSON.getTypeFactory().constructType(TYPE));
    }

    @Override
    protected void clear() {
        buckets = new LinkedHashMap<>();
    }
}
