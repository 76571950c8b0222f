package io.ltrr.engine.sim;

import java.util.function.Supplier;

/** Makes the world of a scenario: synthetic ones need nothing, catalog ones the catalog simulation. */
public final class SimulationWorlds {
    private SimulationWorlds() {
    }

    /**
     * @param maxArms  overrides the scenario's maximum arms per round when > 0
     * @param catalog  supplies the catalog simulation; asked only for catalog scenarios
     */
    public static SimulatedWorld create(Scenario scenario, long seed, int maxArms, Supplier<CatalogSimulation> catalog) {
        return switch (scenario) {
            case SyntheticScenario s -> new SyntheticWorld(maxArms > 0 ? s.withMaxArms(maxArms) : s, seed);
            case MusicScenario m -> catalog.get().world(maxArms > 0 ? m.withMaxArms(maxArms) : m, seed);
        };
    }
}
