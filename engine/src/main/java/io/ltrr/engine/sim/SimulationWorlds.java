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

    /**
     * The same with a ranker of {@link SimRankers}: catalog worlds rank with it; worlds without a shown list take
     * only the default "rrf" (they rank nothing, so another ranker would silently change nothing).
     *
     * @throws IllegalArgumentException for an unknown ranker, or a learned one on a world without a shown list
     */
    public static SimulatedWorld create(Scenario scenario, long seed, int maxArms, String ranker,
                                        Supplier<CatalogSimulation> catalog) {
        return create(scenario, seed, maxArms, ranker, catalog, b -> {
            throw new IllegalStateException("a BEIR scenario needs a collection simulation; none was supplied");
        });
    }

    /**
     * The same with a ranker and a supplier of BEIR collection simulations.
     *
     * @throws IllegalArgumentException for an unknown ranker, or a learned one on a world other than a music one
     */
    public static SimulatedWorld create(Scenario scenario, long seed, int maxArms, String ranker,
                                        Supplier<CatalogSimulation> catalog,
                                        Function<BeirScenario, BeirSimulation> collections) {
        SimRankers.requireKnown(ranker);
        if (scenario instanceof MusicScenario m) {
            return catalog.get().world(maxArms > 0 ? m.withMaxArms(maxArms) : m, seed, ranker);
        }
        if (!ranker.equals(io.ltrr.engine.rank.RrfRanker.ID)) {
            throw new IllegalArgumentException("ranker '" + ranker + "' needs a scenario with a shown list (music); '"
                    + scenario.kind() + "' scenarios are ranked by rrf only");
        }
        return create(scenario, seed, maxArms, catalog, collections);
    }
}
