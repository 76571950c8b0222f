package io.ltrr.engine.api;

/** What {@code policy reset} returns the policy to: the folder's prior (a warm start) or a uniform state (cold). */
public enum ResetTarget {
    /** The prior learned offline for the active policy and this catalog, when one fits; else uniform. */
    PRIOR,
    /** A policy that knows nothing: every arm equally likely. */
    UNIFORM
}
