package io.ltrr.engine.retrieval;

import io.ltrr.engine.catalog.Item;

/**
 * One item an arm retrieved.
 *
 * @param item  the catalog item
 * @param rank  1-based rank within the arm's list
 * @param score the arm's own score (comparable within one arm only)
 */
public record Candidate(Item item, int rank, double score) {
    public String itemId() {
        return item.id();
    }
}
