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
 * session, the later one came within the window, their normalized texts differ, and they are related. The tests,
 * cheapest first, and the relation each stores:
 * <ol>
 *   <li>{@value #CONTAINS}: one's tokens contain the other's ("love story" → "taylor swift love story");</li>
 *   <li>{@value #PREFIX}: the first is the second typed part of the way ("massive att" → "massive attack");</li>
 *   <li>{@value #TYPO}: a small normalized optimal-string-alignment distance, a typo fix ("tyalor swfit" →
 *       "taylor swift": two transpositions);</li>
 *   <li>{@value #OVERLAP}: enough token overlap (Jaccard);</li>
 *   <li>{@value #SEMANTIC}: embedding cosine at least the config's {@code minSemantic}, only when a
 *       {@link SemanticSimilarity} is given (the application gives one when its index has embeddings, so the model
 *       is loaded anyway). Asked last, and only for a failed search followed within the window, so it costs two
 *       query embeddings on a rare path and none on a search that the lexical tests already decide.</li>
 * </ol>
 * Immutable.
 */
public final class ReformulationDetector {
    /** Relation names stored with each reformulation. */
    public static final String CONTAINS = "contains";
    public static final String TYPO = "edit";
    public static final String OVERLAP = "overlap";
    public static final String PREFIX = "prefix";
    public static final String SEMANTIC = "semantic";

    private final ReformulationConfig config;
    private final SemanticSimilarity semantic;

    /** A detector on the lexical tests alone. */
    public ReformulationDetector(ReformulationConfig config) {
        this(config, SemanticSimilarity.NONE);
    }

    /** A detector that also relates queries close in meaning. */
    public ReformulationDetector(ReformulationConfig config, SemanticSimilarity semantic) {
        this.config = Objects.requireNonNull(config, "config");
        this.semantic = Objects.requireNonNull(semantic, "semantic");
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
        if (QuerySimilarity.unfinishedPrefix(a, b)) {
            return Optional.of(PREFIX);
        }
        if (QuerySimilarity.normalizedEditDistance(from, to) <= config.maxEditDistance()) {
            return Optional.of(TYPO);
        }
        if (QuerySimilarity.jaccard(a, b) >= config.minJaccard()) {
            return Optional.of(OVERLAP);
        }
        if (semantic != SemanticSimilarity.NONE && semantic.similarity(from, to) >= config.minSemantic()) {
            return Optional.of(SEMANTIC);
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
