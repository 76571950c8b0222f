package io.ltrr.app.gui;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the window is started.
 *
 * @param dataDir      the data folder
 * @param noEmbeddings index without sentence embeddings on first start (faster; no dense arm)
 * @param demoQuery    a query to run once the window is ready, or null
 * @param screenshot   when given, a PNG of the window is written here after start-up, then the app exits
 * @param demo         demo mode: larger fonts for a projector
 */
public record GuiOptions(Path dataDir, boolean noEmbeddings, String demoQuery, Path screenshot, boolean demo) {
    public GuiOptions {
        Objects.requireNonNull(dataDir, "dataDir");
    }
}
