package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Beta posteriors per (context bucket, arm) for {@link ThompsonPolicy}. A (bucket, arm) never updated is absent
 * and reads as the prior Beta(1, 1). Fractional rewards are fractional pseudo-counts: α += r, β += 1 − r.
 */
final class BucketPosteriors implements ArmStatistics {
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
    private Map<String, LinkedHashMap<String, Posterior>> buckets = new LinkedHashMap<>();

    BucketPosteriors(ContextBucketing bucketing) {
        this.bucketing = Objects.requireNonNull(bucketing, "bucketing");
    }

    ContextBucketing bucketing() {
        return bucketing;
    }

    /** The posteriors of x's bucket by arm, read-only; an arm absent from it is at {@link Posterior#PRIOR}. */
    Map<String, Posterior> bucket(ContextVector x) {
        Map<String, Posterior> bucket = buckets.get(bucketing.bucketOf(x));
        return bucket == null ? Map.of() : Collections.unmodifiableMap(bucket);
    }

    @Override
    public void learn(ContextVector x, String arm, double reward) {
        buckets.computeIfAbsent(bucketing.bucketOf(x), b -> new LinkedHashMap<>())
                .merge(arm, Posterior.PRIOR.plus(reward), (old, fresh) -> old.plus(reward));
    }

    @Override
    public JsonNode toJson(ObjectMapper json) {
        return json.valueToTree(buckets);
    }

    @Override
    public void restore(ObjectMapper json, JsonNode node) throws JsonProcessingException {
        buckets = json.treeToValue(node, json.getTypeFactory().constructType(TYPE));
    }

    @Override
    public void clear() {
        buckets = new LinkedHashMap<>();
    }
}
