package io.ltrr.app.gui;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.sim.BeirScenario;
import io.ltrr.engine.sim.BeirSimulation;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.CollectionSimulations;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationPolicies;
import io.ltrr.engine.sim.SimulationWorlds;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the simulation panel plays on: scenarios by name or file, their worlds and the policies. A music scenario
 * opens the catalog simulation of the data folder on first use, a BEIR one its collection; both stay open for
 * the next run and are closed with this. Everything here may be slow: call it off the UI thread.
 */
public final class SimulationSources implements AutoCloseable {
    private final Path dataDir;
    private final ArmSettings armSettings;
    private CatalogSimulation catalog;
    /** The backend {@link #catalog} was opened on; a switch in File ▸ Retrieval backend… reopens it. */
    private BackendChoice catalogBackend;
    private final CollectionSimulations collections;

    public SimulationSources(Path dataDir, ArmSettings armSettings) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.armSettings = Objects.requireNonNull(armSettings, "armSettings");
        this.collections = new CollectionSimulations(dataDir, ProgressListener.NONE);
    }

    /** The shipped scenario names, for the picker. */
    public static List<String> shipped() {
        return Scenarios.SHIPPED;
    }

    /** The policy ids a simulation takes (the fixed-arm ones are typed as fixed:ARM). */
    public static List<String> policyIds() {
        return PolicyRegistry.standard().ids();
    }

    /** @throws IllegalArgumentException when it is neither a shipped name nor a valid scenario file */
    public Scenario scenario(String nameOrFile) {
        return Scenarios.load(nameOrFile);
    }

    /**
     * A fresh world of the scenario.
     *
     * @param maxArms overrides the scenario's arms per round when > 0
     */
    public synchronized SimulatedWorld world(Scenario scenario, long seed, int maxArms) {
        return SimulationWorlds.create(scenario, seed, maxArms, this::catalog, this::collection);
    }

    /** @throws IllegalArgumentException for an unknown id */
    public SelectionPolicy policy(String id, long seed, List<String> featureNames) {
        return SimulationPolicies.create(id, seed, featureNames);
    }

    private CatalogSimulation catalog() {
        BackendChoice now = BackendChoice.read(new DataLayout(dataDir).backend()).orElseGet(BackendChoice::embedded);
        if (catalog != null && !now.sameLocation(catalogBackend)) {
            catalog.close();
            catalog = null;
        }
        if (catalog == null) {
            catalog = CatalogSimulation.open(dataDir, armSettings, now);
            catalogBackend = now;
        }
        return catalog;
    }

    private BeirSimulation collection(BeirScenario scenario) {
        return collections.of(scenario);
    }

    @Override
    public synchronized void close() {
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
        collections.close();
    }
}
