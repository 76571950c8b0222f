package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Context-free reward statistics per arm (pulls, Σr, Σr²) for the policies that ignore the context. An arm
 * never updated is absent and reads as the prior: mean 1/2, the widest spread a reward in [0, 1] can have.
 */
final class ArmTally implements ArmCounts {
    /** One arm's sums; immutable so a snapshot can share them. */
    record Counts(long pulls, double sum, double sumOfSquares) {
        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(double reward) {
            return new Counts(pulls + 1, sum + reward, sumOfSquares + reward * reward);
        }

        double mean() {
            return pulls == 0 ? 0.5 : sum / pulls;
        }

        /** Standard error of the mean (0.5 before the first pull: the largest deviation in [0, 1]). */
        double standardError() {
            if (pulls == 0) {
                return 0.5;
            }
            double variance = Math.max(0, sumOfSquares / pulls - mean() * mean());
            return Math.sqrt(variance / pulls);
        }
    }

    private static final TypeReference<LinkedHashMap<String, Counts>> TYPE = new TypeReference<>() {
    };

    private Map<String, Counts> counts = new LinkedHashMap<>();

    Counts get(String arm) {
        return counts.getOrDefault(arm, Counts.NONE);
    }

    /** Context-free: x plays no part. */
    @Override
    public Counts get(ContextVector x, String arm) {
        return get(arm);
    }

    /** Context-free: x plays no part. */
    @Override
    public void learn(ContextVector x, String arm, double reward) {
        counts.put(arm, get(arm).plus(reward));
    }

    @Override
    public JsonNode toJson(ObjectMapper json) {
        return json.valueToTree(counts);
    }

    @Override
    public void restore(ObjectMapper json, JsonNode node) throws JsonProcessingException {
        counts = json.treeToValue(node, json.getTypeFactory().constructType(TYPE));
    }

    @Override
    public void clear() {
        counts = new LinkedHashMap<>();
    }
}
