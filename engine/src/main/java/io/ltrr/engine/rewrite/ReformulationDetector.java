package io.ltrr.engine.rewrite;

import io.ltrr.engine.store.Reformulation;
import io.ltrr.engine.store.SessionSearch;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a search reformulates the one before it: the earlier one got no click, both are in the same
 * session, the later one came within the window, their normalized texts differ, and they are related — one's
 * tokens contain the other's ("portishead" → "portishead roads"), a small normalized edit distance (a typo fix),
 * or enough token overlap. Embedding similarity is deliberately not used: it would load the sentence model on
 * the search path for a signal the lexical tests already give for typos and added words. Immutable.
 */
public final class ReformulationDetector {
    /** Relation names stored with each reformulation. */
    public static final String CONTAINS = "contains";
    public static final String TYPO = "edit";
    public static final String OVERLAP = "overlap";

    private final ReformulationConfig config;

    public ReformulationDetector(ReformulationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ReformulationConfig config() {
        return config;
    }

    /** How the two normalized queries are related, or empty when they are not (or are the same). */
    public Optional<String> relation(String from, String to) {
        if (from.isBlank() || to.isBlank() || from.equals(to)) {
            return Optional.empty();
        }
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        if (QuerySimilarity.oneContainsTheOther(a, b)) {
            return Optional.of(CONTAINS);
        }
        if (QuerySimilarity.normalizedEditDistance(from, to) <= config.maxEditDistance()) {
            return Optional.of(TYPO);
        }
        if (QuerySimilarity.jaccard(a, b) >= config.minJaccard()) {
            return Optional.of(OVERLAP);
        }
        return Optional.empty();
    }

    /**
     * The reformulation {@code next} makes of {@code previous}, or empty when it is none.
     *
     * @param nextSucceeded whether {@code next} already has a click
     */
    public Optional<Reformulation> detect(SessionSearch previous, SessionSearch next, boolean nextSucceeded) {
        if (!previous.sessionId().equals(next.sessionId()) || previous.clicks() > 0) {
            return Optional.empty();
        }
        Duration gap = Duration.between(previous.at(), next.at());
        if (gap.isNegative() || gap.compareTo(config.window()) > 0) {
            return Optional.empty();
        }
        return relation(previous.normalizedQuery(), next.normalizedQuery()).map(rel -> new Reformulation(
                next.sessionId(), next.userId(), previous.searchId(), next.searchId(), previous.normalizedQuery(),
                next.normalizedQuery(), rel, gap, nextSucceeded, next.at()));
    }

    private static List<String> tokens(String normalized) {
        return Arrays.asList(normalized.split(" "));
    }
}
