package io.ltrr.engine.sim;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.retrieval.ArmSettings;

/** Test fixture: the shipped sample catalog indexed once (lexical only) into a temporary folder. */
final class SampleCatalogWorld {
    private static CatalogSimulation simulation;

    private SampleCatalogWorld() {
    }

    static synchronized CatalogSimulation simulation() {
        if (simulation == null) {
            simulation = CatalogSimulation.over(
                    io.ltrr.engine.retrieval.EmbeddedBackend.over(SharedData.lexicalSampleIndex("ltrr-sim-test")),
                    ArmSettings.music());
        }
        return simulation;
    }
}
