package io.ltrr.app.cli;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.sim.BeirScenario;
import io.ltrr.engine.sim.BeirSimulation;
import io.ltrr.engine.sim.CatalogSimulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opens the catalog simulation on first use only (synthetic scenarios need no index), building the index the
 * way {@code ltrr search} does when there is none yet; likewise a BEIR scenario's collection simulation.
 */
final class CatalogHolder implements Supplier<CatalogSimulation>, AutoCloseable {
    private final Path dataDir;
    private CatalogSimulation simulation;
    private BeirSimulation collection;
    private BeirScenario collectionScenario;

    CatalogHolder(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The simulation of a BEIR scenario's collection, indexing its corpus under the data folder on first use;
     * kept for the next worlds of the same collection and split (compare plays many seeds).
     */
    BeirSimulation beir(BeirScenario scenario) {
        if (collection != null && (!scenario.collection().equals(collectionScenario.collection())
                || !Objects.equals(scenario.split(), collectionScenario.split()))) {
            collection.close();
            collection = null;
        }
        if (collection == null) {
            try {
                collection = BeirSimulation.open(scenario.locateCollection(), scenario.split(), dataDir,
                        new ProgressBar(System.err), CancellationToken.none());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            collectionScenario = scenario;
        }
        return collection;
    }

    @Override
    public CatalogSimulation get() {
        if (simulation == null) {
            WorkbenchConfig config = WorkbenchConfig.defaults(dataDir);
            try (Workbench wb = Workbench.open(config)) {
                if (!wb.hasIndex()) {
                    System.err.println("ltrr: first use: indexing the catalog into " + dataDir);
                    wb.index(false, new ProgressBar(System.err), CancellationToken.none());
                }
            }
            simulation = CatalogSimulation.open(dataDir, config.armSettings());
        }
        return simulation;
    }

    @Override
    public void close() {
        if (simulation != null) {
            simulation.close();
        }
        if (collection != null) {
            collection.close();
        }
    }
}
