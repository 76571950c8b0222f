package io.ltrr.app;

import io.ltrr.app.cli.LtrrCommand;

/**
 * The one entry point. A separate, non-JavaFX main class, so the JavaFX runtime can be started from the
 * class path: with no arguments it opens the workbench window, otherwise it runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(LtrrCommand.run(args));
    }
}
