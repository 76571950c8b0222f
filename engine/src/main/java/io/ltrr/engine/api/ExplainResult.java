package io.ltrr.engine.api;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each chosen arm's explanation of its score for one item of a search. */
public record ExplainResult(String itemId, Map<String, ScoreExplanation> perArm) {
    public ExplainResult {
        perArm = Collections.unmodifiableMap(new LinkedHashMap<>(perArm));
    }
}
