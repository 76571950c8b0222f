package io.ltrr.engine.clicks;

import java.util.List;

/**
 * A click model that, fitted on click sessions, estimates how relevant each shown item is to its query once the
 * position it was shown at is accounted for. Deterministic: the same sessions in the same order give the same
 * fit, bit for bit.
 */
public interface RelevanceEstimator {
    /** Stable id ("coec", "pbm", "dbn"). */
    String id();

    /** How this model's estimates become 0–3 grades. */
    GradeRule gradeRule();

    /** Fits the model on the sessions; sessions with an empty shown list are ignored. */
    ClickModelFit fit(List<ClickSession> sessions, ClickModelOptions options);
}
