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
 * @param demoSimulation a scenario whose scripted demo plays once the window is ready (Simulation tab), or null
 * @param screenshotDelaySeconds with {@code demoSimulation} and {@code screenshot}: seconds of play before the picture
 * @param demoWindow   a window to open once ready ({@code queryset} or {@code compare} of the Analysis menu, or
 *                     {@code backend}: File ▸ Retrieval backend…; {@code charts}: the Charts tab after a few searches
 *                     with clicks), or null
 * @param windowWidth  the window's width in pixels, or 0 for the remembered one (with {@code windowHeight})
 * @param windowHeight the window's height in pixels, or 0 for the remembered one
 */
public record GuiOptions(Path dataDir, boolean noEmbeddings, String demoQuery, Path screenshot, boolean demo,
                         String demoSimulation, double screenshotDelaySeconds, String demoWindow,
                         double windowWidth, double windowHeight) {
    public GuiOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (!(screenshotDelaySeconds >= 0)) {
            throw new IllegalArgumentException("screenshotDelaySeconds must be >= 0, was " + screenshotDelaySeconds);
        }
        if (!(windowWidth >= 0) || !(windowHeight >= 0) || (windowWidth == 0) != (windowHeight == 0)) {
            throw new IllegalArgumentException("windowWidth and windowHeight must both be > 0, or both 0, were "
                    + windowWidth + " and " + windowHeight);
        }
    }

    public GuiOptions(Path dataDir, boolean noEmbeddings, String demoQuery, Path screenshot, boolean demo,
                      String demoSimulation, double screenshotDelaySeconds, String demoWindow) {
        this(dataDir, noEmbeddings, demoQuery, screenshot, demo, demoSimulation, screenshotDelaySeconds, demoWindow,
                0, 0);
    }

    public GuiOptions(Path dataDir, boolean noEmbeddings, String demoQuery, Path screenshot, boolean demo) {
        this(dataDir, noEmbeddings, demoQuery, screenshot, demo, null, 0, null);
    }

    public GuiOptions(Path dataDir, boolean noEmbeddings, String demoQuery, Path screenshot, boolean demo,
                      String demoSimulation, double screenshotDelaySeconds) {
        this(dataDir, noEmbeddings, demoQuery, screenshot, demo, demoSimulation, screenshotDelaySeconds, null);
    }
}
