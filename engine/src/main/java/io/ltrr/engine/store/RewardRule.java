package io.ltrr.engine.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a search's feedback becomes one pull (ADR 0009), kept apart from SQL so it can be read and tested alone.
 *
 * @param ratingsTrain whether annotators' ratings count as signals (else only clicks do)
 * @param timeout      a search older than this is closed by any later search
 */
public record RewardRule(boolean ratingsTrain, Duration timeout) {
    /** Annotators' ratings do not train the live policy unless the folder's setting says so. */
    public static final boolean DEFAULT_RATINGS_TRAIN = false;
    /** The session gap: a search is closed at the latest 30 minutes after it ran. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public RewardRule {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static RewardRule defaults() {
        return new RewardRule(DEFAULT_RATINGS_TRAIN, DEFAULT_TIMEOUT);
    }

    public RewardRule withRatingsTrain(boolean on) {
        return new RewardRule(on, timeout);
    }

    /**
     * Whether a closed search is a pull: yes, unless its only feedback is ratings that do not train (a judged
     * search is not traffic; counting it as reward 0 would punish the arms an annotator was judging).
     */
    public boolean counts(boolean clicked, boolean rated) {
        return clicked || ratingsTrain || !rated;
    }

    /**
     * The pull's rewards: for every chosen arm, the best value of the events whose item it held, 0 when none.
     *
     * @param chosen  S, best first
     * @param best    arm → best value of the counted events for items it held (arms without one are absent)
     */
    public static Map<String, Double> rewards(List<String> chosen, Map<String, Double> best) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String arm : chosen) {
            out.put(arm, best.getOrDefault(arm, 0.0));
        }
        return out;
    }
}
