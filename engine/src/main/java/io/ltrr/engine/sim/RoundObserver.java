package io.ltrr.engine.sim;

/** Sees every round's full-information outcome (exports, tests), on the simulating thread. */
@FunctionalInterface
public interface RoundObserver {
    RoundObserver NONE = outcome -> { };

    void observe(RoundOutcome outcome);
}
