package io.ltrr.engine.sim;

/**
 * A simulation scenario as read from a JSON file: {@link SyntheticScenario} (Bernoulli rates per context × arm)
 * or {@link MusicScenario} (simulated users searching a catalog). {@link Scenarios} reads them.
 */
public sealed interface Scenario permits SyntheticScenario, MusicScenario {
    /** "synthetic" or "music", the file's {@code kind}. */
    String kind();

    /** One line for people. */
    String description();
}
