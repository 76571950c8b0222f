package io.ltrr.app.cli;

import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.sim.SimRankers;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationWorlds;
import picocli.CommandLine.Option;

/** The options {@code simulate} and {@code compare} share: which scenario, and how its rounds are played. */
final class ScenarioOptions {
    static final String DEFAULT_RANKER = "rrf";

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "A shipped scenario (synthetic-two-contexts, music-default, music-misspelled, "
                    + "music-reformulating, music-lexical-misspelled, beir-scifact) or a JSON file.")
    String scenario;

    @Option(names = "--rounds", defaultValue = "10000", paramLabel = "N",
            description = "Rounds of a run (default: ${DEFAULT-VALUE}).")
    long rounds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed; compare's runs use S, S+1, …, S+K-1 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-arms", defaultValue = "0", paramLabel = "M",
            description = "Arms chosen per round at most (default: the scenario's).")
    int maxArms;

    @Option(names = "--ranker", defaultValue = DEFAULT_RANKER, paramLabel = "ID",
            description = "Ranker of the shown list on music scenarios: rrf (no learning), pairwise (learns online "
                    + "from the simulated clicks, 1/θ weights) or lambdamart (retrained every 1000 rounds) "
                    + "(default: ${DEFAULT-VALUE}).")
    String ranker;

    @Option(names = "--no-rewrite",
            description = "Music scenarios: the same users (retrying failed searches as the scenario says) without the "
                    + "rewrite arm, to compare with and without it on the same traffic.")
    boolean noRewrite;

    /** The scenario as asked (without its rewrite arm with --no-rewrite), after checking the ranker is known. */
    Scenario load() {
        Scenario sc = withoutRewrite(Scenarios.load(scenario), noRewrite);
        SimRankers.requireKnown(ranker);
        return sc;
    }

    /** The scenario without its rewrite arm when asked (music scenarios; a synthetic one has none to drop). */
    static Scenario withoutRewrite(Scenario sc, boolean drop) {
        return drop && sc instanceof MusicScenario m ? m.withoutRewrite() : sc;
    }

    /** A world of the scenario for one seed, with these options' arm budget and ranker. */
    SimulatedWorld world(Scenario sc, long worldSeed, CatalogHolder catalog) {
        return world(sc, worldSeed, catalog, ranker);
    }

    /** The same ranked by {@code rankerId} instead of these options' ranker (a leaderboard's fused baselines). */
    SimulatedWorld world(Scenario sc, long worldSeed, CatalogHolder catalog, String rankerId) {
        return SimulationWorlds.create(sc, worldSeed, maxArms, rankerId, catalog, catalog::beir);
    }

    /** The ranker when it is not the default, else null: reports name it only then. */
    String rankerUnlessDefault() {
        return ranker.equals(DEFAULT_RANKER) ? null : ranker;
    }

    /** ", ranker ID" for a text report's heading when the ranker is not the default, else "". */
    String rankerNote() {
        return ranker.equals(DEFAULT_RANKER) ? "" : ", ranker " + ranker;
    }
}
