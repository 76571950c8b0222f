package io.ltrr.engine.sim;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes the world of a scenario: synthetic ones need nothing, catalog ones the catalog simulation, BEIR ones the
 * simulation of their collection.
 */
public final class SimulationWorlds {
    private SimulationWorlds() {
    }

    /**
     * As {@link #create(Scenario, long, int, Supplier, Function)} without collections: a BEIR scenario is refused.
     */
    public static SimulatedWorld create(Scenario scenario, long seed, int maxArms, Supplier<CatalogSimulation> catalog) {
        return create(scenario, seed, maxArms, catalog, b -> {
            throw new IllegalStateException("a BEIR scenario needs a collection simulation; none was supplied");
        });
    }

    /**
     * @param maxArms     overrides the scenario's maximum arms per round when > 0
     * @param catalog     supplies the catalog simulation; asked only for catalog scenarios
     * @param collections supplies the simulation of a BEIR scenario's collection; asked only for BEIR scenarios
     */
    public static SimulatedWorld create(Scenario scenario, long seed, int maxArms, Supplier<CatalogSimulation> catalog,
                                        Function<BeirScenario, BeirSimulation> collections) {
        return switch (scenario) {
            case SyntheticScenario s -> new SyntheticWorld(maxArms > 0 ? s.withMaxArms(maxArms) : s, seed);
            case MusicScenario m -> catalog.get().world(maxArms > 0 ? m.withMaxArms(maxArms) : m, seed);
            case BeirScenario b -> collections.apply(b).world(maxArms > 0 ? b.withMaxArms(maxArms) : b, seed);
        };
    }
}
