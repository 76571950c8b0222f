package io.ltrr.engine.retrieval;

/**
 * One item an arm retrieved. Items themselves are looked up only when shown (see the facade), so that
 * arms stay cheap when they return hundreds of candidates.
 *
 * @param itemId the catalog item's id
 * @param rank   1-based rank within the arm's list
 * @param score  the arm's own score (comparable within one arm only)
 */
public record Candidate(String itemId, int rank, double score) {
}
