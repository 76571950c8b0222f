package io.ltrr.engine.ope;

import io.ltrr.engine.bandit.ContextVector;

/** r̂(x, a): a model of an arm's expected reward in a context, the direct-method part of doubly robust. */
public interface RewardModel {
    /** The predicted expected reward, in [0, 1]. */
    double predict(ContextVector x, String arm);
}
