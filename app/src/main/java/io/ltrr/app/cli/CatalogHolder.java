package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.BeirScenario;
import io.ltrr.engine.sim.BeirSimulation;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.CollectionSimulations;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Opens the catalog simulation on first use only (synthetic scenarios need no index), building the index the
 * way {@code ltrr search} does when there is none yet; likewise a BEIR scenario's collection simulation.
 */
final class CatalogHolder implements Supplier<CatalogSimulation>, AutoCloseable {
    private final Path dataDir;
    private final UnaryOperator<WorkbenchConfig> backend;
    private CatalogSimulation simulation;
    private final CollectionSimulations collections;

    /** @param backend applies the command's backend options to the folder's configuration */
    CatalogHolder(Path dataDir, UnaryOperator<WorkbenchConfig> backend) {
        this.dataDir = dataDir;
        this.backend = backend;
        this.collections = new CollectionSimulations(dataDir, new ProgressBar(System.err));
    }

    /** The simulation of a BEIR scenario's collection, indexed under the data folder on first use. */
    BeirSimulation beir(BeirScenario scenario) {
        return collections.of(scenario);
    }

    @Override
    public CatalogSimulation get() {
        if (simulation == null) {
            WorkbenchConfig config = backend.apply(WorkbenchConfig.defaults(dataDir));
            try (Workbench wb = Workbench.open(config)) {
                if (!wb.hasIndex()) {
                    System.err.println("ltrr: first use: indexing the catalog into " + dataDir);
                    wb.index(false, new ProgressBar(System.err), CancellationToken.none());
                }
            }
            simulation = CatalogSimulation.open(dataDir, config.armSettings(), config.backend());
        }
        return simulation;
    }

    @Override
    public void close() {
        if (simulation != null) {
            simulation.close();
        }
        collections.close();
    }
}
