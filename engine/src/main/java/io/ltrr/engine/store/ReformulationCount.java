package io.ltrr.engine.store;

/**
 * Reformulations aggregated over all sessions: how often a failed query was followed by another query, split
 * by whether that query then got a click.
 *
 * @param fromQuery normalized failed query
 * @param toQuery   normalized follow-up query
 * @param succeeded whether the follow-up got a click
 * @param count     how many reformulations had this shape (≥ 1)
 */
public record ReformulationCount(String fromQuery, String toQuery, boolean succeeded, long count) {
    public ReformulationCount {
        Values.requireText(fromQuery, "fromQuery");
        Values.requireText(toQuery, "toQuery");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
