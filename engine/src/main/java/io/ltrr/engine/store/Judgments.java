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

    /** All judgments, by source, query and item. */
    List<Judgment> all();
}
