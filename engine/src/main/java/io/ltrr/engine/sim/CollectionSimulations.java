package io.ltrr.engine.sim;

import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The open simulation of the last BEIR scenario's collection, indexing its corpus under the data folder on first
 * use and kept for the next worlds of the same collection and split (a comparison plays many seeds, the window
 * many runs); another collection or split closes it and opens that one. Not thread-safe; close it when done.
 */
public final class CollectionSimulations implements AutoCloseable {
    private final Path dataDir;
    private final ProgressListener progress;
    private BeirSimulation open;
    private BeirScenario openFor;

    public CollectionSimulations(Path dataDir, ProgressListener progress) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The simulation of the scenario's collection and split. */
    public BeirSimulation of(BeirScenario scenario) {
        if (open != null && (!scenario.collection().equals(openFor.collection())
                || !Objects.equals(scenario.split(), openFor.split()))) {
            close();
        }
        if (open == null) {
            try {
                open = BeirSimulation.open(scenario.locateCollection(), scenario.split(), dataDir, progress,
                        CancellationToken.none());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            openFor = scenario;
        }
        return open;
    }

    @Override
    public void close() {
        if (open != null) {
            open.close();
            open = null;
            openFor = null;
        }
    }
}
