package io.ltrr.app;

import io.ltrr.app.cli.LtrrCommand;
import io.ltrr.app.gui.GuiCommand;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one entry point. A separate, non-JavaFX main class, so the JavaFX runtime can be started from the
 * class path: with no arguments it opens the workbench window, otherwise it runs the command line.
 */
public final class Launcher {
    /** Lucene reports its SIMD setup through java.util.logging at INFO on every start: not for users. */
    private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

    private Launcher() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(Level.WARNING);
        if (GuiCommand.handles(args)) {
            System.exit(GuiCommand.run(args));
        }
        System.exit(LtrrCommand.run(args));
    }
}
