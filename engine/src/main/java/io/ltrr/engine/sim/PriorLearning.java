package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.prior.CatalogDigest;
import io.ltrr.engine.prior.PolicyPrior;

/**
 * Learns a policy's prior offline (issue 23): the live policy — the same registry entry, the same options (none)
 * and the same context features as a data folder's — plays a music scenario's simulated users over a catalog
 * for a number of rounds, and what it learned becomes the prior a new folder on that catalog starts from.
 */
public final class PriorLearning {
    private PriorLearning() {
    }

    /**
     * @param scenarioName the scenario's name as the prior records it
     * @param rounds       simulated rounds (the prior's strength: a Beta or count state of that many pulls)
     * @param seed         the simulation's seed (traffic, clicks and the policy's own draws)
     * @param learnedWith  the command that asked, recorded in the prior
     */
    public static PolicyPrior learn(CatalogSimulation catalog, MusicScenario scenario, String scenarioName,
                                    String policyId, long rounds, long seed, String learnedWith) {
        CatalogWorld world = catalog.world(scenario, seed);
        SelectionPolicy policy = PolicyRegistry.standard().create(policyId, SimulationPolicies.policySeed(seed),
                ContextFeatures.NAMES, PolicyOptions.none());
        new Simulator(world).run(policy, rounds);
        return PolicyPrior.of(policy, scenarioName, rounds, seed, CatalogDigest.of(catalog.items()),
                catalog.catalogFingerprint(), world.arms(), learnedWith);
    }
}
