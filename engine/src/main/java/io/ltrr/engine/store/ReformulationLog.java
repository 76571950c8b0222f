package io.ltrr.engine.store;

import java.util.List;

/**
 * The log of reformulations the rewrite chain learns from. Durable in the feedback database
 * ({@code store.jdbc.H2ReformulationLog}); simulations keep one in memory. Implementations are thread-safe.
 */
public interface ReformulationLog {
    /**
     * Stores a reformulation; a second one for the same pair of searches is ignored.
     *
     * @return whether it was new
     */
    boolean record(Reformulation reformulation);

    /**
     * The later search of some reformulations got a click: they succeeded.
     *
     * @return the (from query, to query) pairs that turned from failed to succeeded, possibly none
     */
    List<ReformulationCount> markSucceeded(String toSearchId);

    /** Every reformulation aggregated by (from query, to query, succeeded), ordered by those keys. */
    List<ReformulationCount> counts();
}
