package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Empirical reward counts per (context bucket, arm), for ε-greedy and UCB1 per context. A (bucket, arm) never
 * updated is absent and reads as {@link ArmTally.Counts#NONE}. Snapshot state: {@code {bucket: {arm: counts}}},
 * the layout of Thompson's posteriors.
 */
final class BucketTallies implements ArmCounts {
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, ArmTally.Counts>>> TYPE =
            new TypeReference<>() {
            };

    private final ContextBucketing bucketing;
    private Map<String, LinkedHashMap<String, ArmTally.Counts>> buckets = new LinkedHashMap<>();

    BucketTallies(ContextBucketing bucketing) {
        this.bucketing = Objects.requireNonNull(bucketing, "bucketing");
    }

    ContextBucketing bucketing() {
        return bucketing;
    }

    @Override
    public ArmTally.Counts get(ContextVector x, String arm) {
        Map<String, ArmTally.Counts> bucket = buckets.get(bucketing.bucketOf(x));
        return bucket == null ? ArmTally.Counts.NONE : bucket.getOrDefault(arm, ArmTally.Counts.NONE);
    }

    @Override
    public void learn(ContextVector x, String arm, double reward) {
        buckets.computeIfAbsent(bucketing.bucketOf(x), b -> new LinkedHashMap<>())
                .merge(arm, ArmTally.Counts.NONE.plus(reward), (old, fresh) -> old.plus(reward));
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
