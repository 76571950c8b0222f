package io.ltrr.engine.sim;

import java.util.List;

/**
 * A query as the simulated user typed it.
 *
 * @param text        the query text
 * @param distortions what happened to the intended words, in order ("typo", "truncated", "reordered",
 *                    "artist+title"); empty when typed as meant
 */
public record SimulatedQuery(String text, List<String> distortions) {
    public SimulatedQuery {
        distortions = List.copyOf(distortions);
    }
}
