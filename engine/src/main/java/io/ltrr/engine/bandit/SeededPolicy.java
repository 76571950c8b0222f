package io.ltrr.engine.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The common frame of the bandit policies: a seed, a round counter, validation of what comes in, the candidate
 * split, and the JSON snapshot of what the policy learned (its {@link ArmStatistics}). Subclasses only decide
 * (scores, chosen arms, propensities) and name their configuration.
 *
 * <p>Snapshot layout: {@code {"policy": id, "seed": …, "round": …, "config": {…}, "state": {…}}}. Restore
 * rejects another policy's snapshot and a different configuration (the learned state means something else
 * under another alpha, bucketing or feature list). A different seed is accepted: the learned state carries
 * over, only the future draws differ.
 */
public abstract class SeededPolicy<S extends ArmStatistics> implements SelectionPolicy {
    /** Shared, thread-safe once configured; doubles are written in round-trip precision. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the policy has learned; the snapshot's "state". */
    protected final S learned;
    private final long seed;
    private long round;

    protected SeededPolicy(long seed, S learned) {
        this.seed = seed;
        this.learned = Objects.requireNonNull(learned, "learned");
    }

    /** What a subclass decided for one round. */
    protected record Decision(List<String> chosen, Map<String, Double> propensity,
                              Map<String, ArmDiagnostics> diagnostics) {
    }

    /** Chooses {@code m} arms (1 ≤ m ≤ arms.size()) for round {@code round}. */
    protected abstract Decision decide(ContextVector x, List<String> arms, int m, long round);

    /** Adds the policy's own configuration fields (none by default); the learned statistics add theirs after. */
    protected void configure(ObjectNode config) {
    }

    /**
     * Whether a snapshot taken under an earlier form of this policy's configuration means exactly what this policy's
     * state means (so it restores as is, and the next snapshot is written in the current form). None by default.
     *
     * @throws EarlierSnapshotException when the snapshot is of an earlier form of this policy whose state cannot
     *                                  carry over (the caller may rebuild the state from the log)
     */
    protected boolean continuesEarlierConfig(JsonNode stored) {
        return false;
    }

    /** Writes the declared bucket features as the configuration's "bucketing" (checked on restore). */
    protected static void putBucketing(ObjectNode config, ContextBucketing bucketing) {
        bucketing.features().forEach(config.putArray("bucketing")::add);
    }

    /** Configuration fields checked on restore. */
    private ObjectNode config() {
        ObjectNode config = JSON.createObjectNode();
        configure(config);
        learned.addConfig(config);
        return config;
    }

    public final long seed() {
        return seed;
    }

    /** The number of the next round (= how many times select was called since the last reset). */
    public final long round() {
        return round;
    }

    /** The random source of one stream of round t: a function of (seed, t, stream) only. */
    protected final SplittableRandom random(long t, int stream) {
        return RoundRandom.of(seed, t, stream);
    }

    @Override
    public final Selection select(ContextVector x, List<String> arms, SelectionBudget budget) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("arms must not be empty");
        }
        if (new HashSet<>(arms).size() != arms.size()) {
            throw new IllegalArgumentException("arms must be distinct, were " + arms);
        }
        learned.check(x);
        long t = round++;
        Decision d = decide(x, arms, Math.min(budget.maxArms(), arms.size()), t);
        Map<String, Double> means = new LinkedHashMap<>();
        d.chosen().forEach(a -> means.put(a, d.diagnostics().get(a).mean()));
        return new Selection(id(), t, d.chosen(), CandidateAllocation.allocate(d.chosen(), means, budget),
                d.propensity(), d.diagnostics());
    }

    @Override
    public final void update(ContextVector x, Set<String> chosen, Map<String, Double> rewards) {
        for (var e : rewards.entrySet()) {
            Double r = e.getValue();
            if (r == null || !(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("reward of '" + e.getKey() + "' must be in [0, 1], was " + r);
            }
        }
        learned.check(x);
        // Iterate in a sorted order so learning never depends on the caller's set implementation.
        chosen.stream().sorted().forEach(arm -> learned.learn(x, arm, rewards.getOrDefault(arm, 0.0)));
    }

    @Override
    public final String snapshot() {
        ObjectNode root = JSON.createObjectNode();
        root.put("policy", id());
        root.put("seed", seed);
        root.put("round", round);
        root.set("config", config());
        root.set("state", learned.toJson(JSON));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the snapshot of " + id(), e);
        }
    }

    @Override
    public final void restore(String snapshot) {
        JsonNode root;
        try {
            root = JSON.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a policy snapshot (invalid JSON): " + e.getOriginalMessage(), e);
        }
        String policy = root.path("policy").asText("");
        if (!id().equals(policy)) {
            throw new IllegalArgumentException("snapshot is of policy '" + policy + "', cannot restore it into '"
                    + id() + "'");
        }
        JsonNode stored = root.path("config");
        if (!config().equals(stored) && !continuesEarlierConfig(stored)) {
            throw new IllegalArgumentException("snapshot of '" + id() + "' was taken with config " + stored
                    + ", this policy has " + config());
        }
        try {
            learned.restore(JSON, root.path("state"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt snapshot state of '" + id() + "': " + e.getMessage(), e);
        }
        round = root.path("round").asLong();
    }

    @Override
    public final void reset() {
        learned.clear();
        round = 0;
    }
}
