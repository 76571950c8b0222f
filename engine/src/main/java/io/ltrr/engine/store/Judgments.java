package io.ltrr.engine.store;

import java.util.List;

/** Imported relevance judgments, by source. */
public interface Judgments {
    /**
     * Replaces the judgments of {@code source} by the given ones.
     *
     * @throws IllegalArgumentException when a judgment names another source or a (query, item) pair twice
     */
    void replace(String source, List<Judgment> judgments);

    /**
     * Imports judgments of {@code source} in one transaction: added to what the source has (a pair it already
     * has takes the new grade), or, with {@code replace}, instead of it. An empty list changes nothing, even
     * with {@code replace}.
     *
     * @throws IllegalArgumentException when a judgment names another source or a (query, item) pair twice
     */
    ImportCount importAll(String source, List<Judgment> judgments, boolean replace);

    /** What an import did: pairs new to the source, pairs whose grade changed, pairs kept as they were, removed. */
    record ImportCount(int added, int updated, int unchanged, int removed) {
    }

    /** The judgments of one (normalized) query, by source and item. */
    List<Judgment> ofQuery(String query);

    /** All judgments, by source, query and item. */
    List<Judgment> all();
}
