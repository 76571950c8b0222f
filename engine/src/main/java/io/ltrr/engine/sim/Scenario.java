package io.ltrr.engine.sim;

/**
 * A simulation scenario as read from a JSON file: {@link SyntheticScenario} (Bernoulli rates per context × arm)
 * or {@link MusicScenario} (simulated users searching a catalog) or {@link BeirScenario} (simulated users
 * searching a BEIR test collection). {@link Scenarios} reads them.
 */
public sealed interface Scenario permits SyntheticScenario, MusicScenario, BeirScenario {
    /** "synthetic", "music" or "beir", the file's {@code kind}. */
    String kind();

    /** One line for people. */
    String description();
}
