package io.ltrr.engine.rank;

import java.util.List;

/** Orders the union of candidates. Every score explains itself. Implementations are thread-safe. */
public interface Ranker {
    /** Stable id stored with every impression ("rrf", …). */
    String id();

    /** The best {@code n} of the union, best first, positions 1…n. */
    List<RankedItem> rank(RankingInput input, int n);
}
