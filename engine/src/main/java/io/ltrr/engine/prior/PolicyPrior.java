package io.ltrr.engine.prior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A policy's learned state to start a new data folder from (issue 23): a snapshot of the policy after it learned
 * offline, with where it was learned — the scenario, its rounds and seed, the catalog's index fingerprint and the
 * arms the scenario offered — and the command that learned it. The snapshot's round counter is 0: a folder that
 * starts from it has made no selection yet; only what was learned carries over.
 *
 * <p>File layout (one JSON object): {@code format}, {@code policy}, {@code scenario}, {@code rounds}, {@code seed},
 * {@code catalog_digest}, {@code index_fingerprint}, {@code arms}, {@code learned_with}, {@code snapshot} (the policy's own snapshot).
 *
 * @param policy             the policy id the snapshot restores into
 * @param scenario           the simulation scenario it was learned on
 * @param rounds             simulated rounds learned
 * @param seed               the simulation's seed
 * @param catalogDigest      the {@link CatalogDigest} of the catalog the scenario ran over (a folder must match it)
 * @param indexFingerprint   the fingerprint of the index the scenario ran over (for information)
 * @param arms               the arms the scenario offered (arms outside them start uniform)
 * @param learnedWith        the command that learned it
 * @param snapshot           the policy's snapshot JSON, round counter 0
 */
public record PolicyPrior(String policy, String scenario, long rounds, long seed, String catalogDigest,
                          String indexFingerprint, List<String> arms, String learnedWith, String snapshot) {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyPrior {
        requireText(policy, "policy");
        requireText(scenario, "scenario");
        requireText(catalogDigest, "catalog_digest");
        Objects.requireNonNull(indexFingerprint, "index_fingerprint");
        Objects.requireNonNull(learnedWith, "learned_with");
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        arms = List.copyOf(arms);
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("arms must not be empty");
        }
        requireText(snapshot, "snapshot");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** The prior of a policy that has just learned: its snapshot with the round counter set back to 0. */
    public static PolicyPrior of(SelectionPolicy learned, String scenario, long rounds, long seed,
                                 String catalogDigest, String indexFingerprint, List<String> arms,
                                 String learnedWith) {
        return new PolicyPrior(learned.id(), scenario, rounds, seed, catalogDigest, indexFingerprint, arms, learnedWith,
                withRound(learned.snapshot(), 0));
    }

    /** A policy snapshot with its round counter replaced (the policy interface has no round setter on purpose). */
    public static String withRound(String snapshot, long round) {
        try {
            JsonNode root = JSON.readTree(snapshot);
            if (root instanceof ObjectNode object && object.has("round")) {
                object.put("round", round);
                return JSON.writeValueAsString(object);
            }
            return snapshot;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a policy snapshot (invalid JSON): " + e.getOriginalMessage(), e);
        }
    }

    /** The file's JSON, indented; the same prior gives the same text. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("policy", policy);
        root.put("scenario", scenario);
        root.put("rounds", rounds);
        root.put("seed", seed);
        root.put("catalog_digest", catalogDigest);
        root.put("index_fingerprint", indexFingerprint);
        ArrayNode a = root.putArray("arms");
        arms.forEach(a::add);
        root.put("learned_with", learnedWith);
        try {
            root.set("snapshot", JSON.readTree(snapshot));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the snapshot of the prior of '" + policy + "' is not JSON", e);
        }
    }

    /**
     * Reads a prior file's text.
     *
     * @param source names the file in messages
     * @throws IllegalArgumentException naming the source and the field when the text is not a prior
     */
    public static PolicyPrior parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not a policy prior (invalid JSON: "
                    + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": not a policy prior (expected a JSON object)");
        }
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(source + ": format must be " + FORMAT + ", was "
                    + root.path("format"));
        }
        if (!root.path("snapshot").isObject()) {
            throw new IllegalArgumentException(source + ": snapshot must be a JSON object");
        }
        List<String> arms = new ArrayList<>();
        root.path("arms").forEach(n -> arms.add(n.asText()));
        try {
            return new PolicyPrior(root.path("policy").asText(""), root.path("scenario").asText(""),
                    root.path("rounds").asLong(0), root.path("seed").asLong(0),
                    root.path("catalog_digest").asText(""), root.path("index_fingerprint").asText(""), arms, root.path("learned_with").asText(""),
                    JSON.writeValueAsString(root.path("snapshot")));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
