package io.ltrr.engine.clicks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A click model fitted on sessions.
 *
 * @param model           the estimator's id (coec, pbm, dbn)
 * @param sessions        the sessions fitted on
 * @param pairsSeen       the distinct (query, item) pairs shown in them
 * @param pairs           the estimates of the pairs shown at least {@link ClickModelOptions#minImpressions()} times,
 *                        by query, then item
 * @param positionEffects per position, 1 first: COEC's prior (the click-through rate of each position over all
 *                        sessions); PBM's examination probability θ_k relative to position 1 (θ_1 = 1: the clicks
 *                        identify θ and α only up to a common factor); empty for DBN
 * @param parameters      global parameters by name (DBN: gamma, the chance to go on after an unsatisfying result)
 * @param iterations      EM iterations run (0 for the closed-form COEC)
 * @param converged       whether EM stopped within its tolerance before its iteration cap (COEC: true)
 */
public record ClickModelFit(String model, int sessions, int pairsSeen, List<PairEstimate> pairs,
                           List<Double> positionEffects, Map<String, Double> parameters, int iterations,
                           boolean converged) {
    public ClickModelFit {
        Objects.requireNonNull(model, "model");
        pairs = List.copyOf(pairs);
        positionEffects = List.copyOf(positionEffects);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
