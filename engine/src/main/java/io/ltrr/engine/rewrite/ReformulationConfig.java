package io.ltrr.engine.rewrite;

import java.time.Duration;

/**
 * When a follow-up search counts as a reformulation of a failed one.
 *
 * @param window          longest time from the failed search to the follow-up (default 5 minutes)
 * @param minJaccard      token overlap that makes two queries related (default 0.3)
 * @param maxEditDistance normalized edit distance (optimal string alignment) up to which two queries are related,
 *                        e.g. a typo fix (default 0.4)
 * @param minSemantic     embedding cosine from which two queries are related in meaning, when an embedder is
 *                        available (default 0.75: all-MiniLM-L6-v2 puts paraphrases above it, unrelated music
 *                        queries well below)
 */
public record ReformulationConfig(Duration window, double minJaccard, double maxEditDistance, double minSemantic) {
    public ReformulationConfig {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (!(minJaccard > 0 && minJaccard <= 1)) {
            throw new IllegalArgumentException("minJaccard must be in (0, 1], was " + minJaccard);
        }
        if (!(maxEditDistance >= 0 && maxEditDistance < 1)) {
            throw new IllegalArgumentException("maxEditDistance must be in [0, 1), was " + maxEditDistance);
        }
        if (!(minSemantic > 0 && minSemantic <= 1)) {
            throw new IllegalArgumentException("minSemantic must be in (0, 1], was " + minSemantic);
        }
    }

    public static ReformulationConfig defaults() {
        return new ReformulationConfig(Duration.ofMinutes(5), 0.3, 0.4, 0.75);
    }

    public ReformulationConfig withWindow(Duration w) {
        return new ReformulationConfig(w, minJaccard, maxEditDistance, minSemantic);
    }
}
