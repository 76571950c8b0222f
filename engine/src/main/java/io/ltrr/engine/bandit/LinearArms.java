package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disjoint linear models of the linear policies: one {@link LinearArmModel} per arm over a fixed, named
 * feature list. An arm never updated reads as the shared prior, so new arms can be offered at any time.
 */
final class LinearArms implements ArmStatistics {
    private static final TypeReference<LinkedHashMap<String, LinearArmModel.State>> TYPE = new TypeReference<>() {
    };

    private final List<String> featureNames;
    private final double lambda;
    private final LinearArmModel prior;
    private Map<String, LinearArmModel> models = new LinkedHashMap<>();

    LinearArms(List<String> featureNames, double lambda) {
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames must not be empty");
        }
        if (!(lambda > 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be > 0, was " + lambda);
        }
        this.featureNames = List.copyOf(featureNames);
        this.lambda = lambda;
        this.prior = LinearArmModel.prior(featureNames.size(), lambda);
    }

    List<String> featureNames() {
        return featureNames;
    }

    double lambda() {
        return lambda;
    }

    /** The arm's model; the prior (never to be updated) for an arm without observations. */
    LinearArmModel model(String arm) {
        return models.getOrDefault(arm, prior);
    }

    @Override
    public void learn(ContextVector x, String arm, double reward) {
        models.computeIfAbsent(arm, a -> LinearArmModel.prior(featureNames.size(), lambda))
                .update(x.values(), reward);
    }

    /** A linear model's coefficients mean nothing for other features, so a different vector is an error. */
    @Override
    public void check(ContextVector x) {
        if (!x.names().equals(featureNames)) {
            throw new IllegalArgumentException("context features " + x.names() + " differ from the policy's "
                    + featureNames);
        }
    }

    /** The ridge prior and the feature list, after the policy's own configuration. */
    @Override
    public void addConfig(ObjectNode config) {
        config.put("lambda", lambda);
        config.set("features", config.arrayNode().addAll(featureNames.stream()
                .map(config::textNode).toList()));
    }

    @Override
    public JsonNode toJson(ObjectMapper json) {
        Map<String, LinearArmModel.State> states = new LinkedHashMap<>();
        models.forEach((arm, model) -> states.put(arm, model.state()));
        return json.valueToTree(states);
    }

    @Override
    public void restore(ObjectMapper json, JsonNode node) throws JsonProcessingException {
        Map<String, LinearArmModel.State> states = json.treeToValue(node, json.getTypeFactory().constructType(TYPE));
        Map<String, LinearArmModel> restored = new LinkedHashMap<>();
        states.forEach((arm, s) -> restored.put(arm, LinearArmModel.of(s, featureNames.size())));
        models = restored;
    }

    @Override
    public void clear() {
        models = new LinkedHashMap<>();
    }
}
