package io.ltrr.app;

import io.ltrr.app.cli.LtrrCommand;
import io.ltrr.app.cli.TerminalSafeOutput;
import io.ltrr.app.gui.GuiCommand;
import io.ltrr.engine.trace.StartupTrace;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        StartupTrace.mark("main");
        LUCENE_LOG.setLevel(Level.WARNING);
        terminalSafeOutput(Arrays.asList(args).contains("--json"));
        if (GuiCommand.handles(args)) {
            System.exit(GuiCommand.run(args));
        }
        int code = LtrrCommand.run(args);
        StartupTrace.mark("command done");
        System.exit(code);
    }

    /**
     * Data printed for people (titles, queries, names) never passes a control or escape sequence to the terminal:
     * stderr always, stdout unless it carries JSON (whose encoder escapes control characters itself).
     */
    private static void terminalSafeOutput(boolean json) {
        if (!json) {
            System.setOut(safe(FileDescriptor.out, false));
        }
        System.setErr(safe(FileDescriptor.err, true));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.flush();
            System.err.flush();
        }, "flush-output"));
    }

    private static PrintStream safe(FileDescriptor fd, boolean allowCarriageReturn) {
        return new PrintStream(new TerminalSafeOutput(new BufferedOutputStream(new FileOutputStream(fd), 8192),
                allowCarriageReturn), true, StandardCharsets.UTF_8);
    }
}
