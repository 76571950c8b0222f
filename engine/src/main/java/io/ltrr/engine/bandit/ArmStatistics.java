package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a policy learns about its arms: the part {@link SeededPolicy} updates, writes into the snapshot's
 * "state", restores from it and forgets, so that a policy itself only decides.
 */
interface ArmStatistics {
    /** Learns one arm's reward (already validated to be in [0, 1]). */
    void learn(ContextVector x, String arm, double reward);

    /** Rejects contexts the statistics cannot use (e.g. other features than a linear model's). */
    default void check(ContextVector x) {
    }

    /** Adds the configuration the statistics depend on (checked on restore) after the policy's own fields. */
    default void addConfig(ObjectNode config) {
    }

    /** All learned statistics, as the snapshot's "state". */
    JsonNode toJson(ObjectMapper json);

    /** Replaces all learned statistics by those of {@link #toJson}'s output. */
    void restore(ObjectMapper json, JsonNode node) throws JsonProcessingException;

    /** Forgets all learned statistics. */
    void clear();
}
