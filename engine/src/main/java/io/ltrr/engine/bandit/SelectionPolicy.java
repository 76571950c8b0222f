package io.ltrr.engine.bandit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contextual bandit policy over retrieval arms (semi-bandit feedback: every chosen arm gets its own reward).
 *
 * <p>Determinism: the random draws of round t come from a generator seeded by (the policy's seed, t) alone,
 * so a policy restored from a snapshot continues exactly as an uninterrupted one. Not thread-safe: the caller
 * serializes select/update.
 */
public interface SelectionPolicy {
    /** Stable id stored in logs ("thompson", "linucb", …). */
    String id();

    /**
     * Chooses arms for context x.
     *
     * @param arms the arms offered this round, in a stable order
     */
    Selection select(ContextVector x, List<String> arms, SelectionBudget budget);

    /**
     * Learns from one round's feedback.
     *
     * @param chosen  the arms that were chosen (S) in that round
     * @param rewards reward in [0, 1] for arms in S (an arm of S missing here got 0); arms outside S are ignored
     */
    void update(ContextVector x, Set<String> chosen, Map<String, Double> rewards);

    /** The number of the next round (how many selections were made since the last reset). */
    long round();

    /** Everything the policy has learned plus its round counter, as JSON. */
    String snapshot();

    /** Restores a snapshot of the same policy type and configuration. */
    void restore(String snapshot);

    /** Forgets everything learned (round counter back to 0). */
    void reset();

    /**
     * The context features this policy keys on by name, as declared in its options (the features of its context
     * buckets); empty for a policy that uses none by name (context-free, or linear over the whole vector).
     */
    default List<String> contextFeatures() {
        return List.of();
    }

    /**
     * A warning when a context with these feature names lacks features this policy keys on: they then play no part
     * in its decisions (one sentence, naming the policy, the missing features and the option that declares them).
     */
    default Optional<String> contextWarning(List<String> featureNames) {
        List<String> declared = contextFeatures();
        List<String> missing = declared.stream().filter(f -> !featureNames.contains(f)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String effect = missing.size() == declared.size()
                ? "every context falls in one bucket, so it learns nothing per context"
                : "its buckets ignore them";
        return Optional.of("policy '" + id() + "' buckets on " + declared + " but the context lacks " + missing + ": "
                + effect + " (declare the context's discrete features with the policy option bucketFeatures)");
    }

    /**
     * Whether a round may leave out an arm that has nothing for the query at hand (the {@code rewrite} arm when no
     * rewrite of the query is known), so that the policy neither spends a slot on it nor learns a zero it did not
     * earn. True for the learning policies; a baseline that always plays one named arm says false.
     */
    default boolean skipsIneligibleArms() {
        return true;
    }
}
