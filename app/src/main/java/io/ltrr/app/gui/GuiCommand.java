package io.ltrr.app.gui;

import io.ltrr.app.folder.DataFolder;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ltrr [--data DIR] [--demo] …}: opens the workbench window. The launcher sends a command line here
 * when it starts with one of these options; subcommands go to the command line as before.
 */
@Command(name = "ltrr", description = "Opens the LTR&R Workbench window.")
public final class GuiCommand implements Callable<Integer> {
    private static final Set<String> OPTIONS = Set.of("--data", "--no-embeddings", "--demo", "--demo-query",
            "--demo-simulation", "--demo-window", "--screenshot", "--window-size");

    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.OPTION_DESCRIPTION)
    Path data;

    @Option(names = "--no-embeddings", description = "On first start, index without sentence embeddings (faster).")
    boolean noEmbeddings;

    @Option(names = "--demo", description = "Demo mode: larger fonts (View > Demo mode, Ctrl+D, toggles it).")
    boolean demo;

    @Option(names = "--demo-query", hidden = true, description = "Runs this query once the window is ready.")
    String demoQuery;

    @Option(names = "--demo-simulation", paramLabel = "SCENARIO",
            description = "Opens the Simulation tab and plays the scripted demo on this scenario (music-default is "
                    + "the demo's own; synthetic-two-contexts needs no catalog).")
    String demoSimulation;

    @Option(names = "--demo-window", hidden = true, paramLabel = "WINDOW",
            description = "Opens Analysis > Query sets (queryset) or Compare (compare; with --demo-query, compares "
                    + "that query), File > Retrieval backend (backend) or File > Feedback store (store), or shows "
                    + "the Charts tab after a few searches with clicks (charts), once the window is ready.")
    String demoWindow;

    @Option(names = "--window-size", hidden = true, paramLabel = "WxH",
            description = "The window's size in pixels (1280x720), instead of the remembered one.")
    String windowSize;

    @Option(names = "--screenshot-after", hidden = true, defaultValue = "20", paramLabel = "SECONDS",
            description = "With --demo-simulation and --screenshot: seconds of play before the picture.")
    double screenshotAfter;

    @Option(names = "--screenshot", hidden = true, paramLabel = "FILE",
            description = "Writes a PNG of the window after start-up, then exits.")
    Path screenshot;

    /** True when the arguments are meant for the window rather than a subcommand. */
    public static boolean handles(String... args) {
        return args.length > 0 && OPTIONS.contains(args[0].split("=", 2)[0]);
    }

    /** Parses the window's options and opens it; returns the exit code. */
    public static int run(String... args) {
        return new CommandLine(new GuiCommand()).execute(args);
    }

    @Override
    public Integer call() {
        var problem = DisplayCheck.problem(System.getProperty("os.name"), System.getProperty("glass.platform"),
                System.getenv());
        if (problem.isPresent()) {
            System.err.println("ltrr: " + problem.get());
            return 1;
        }
        double[] size;
        try {
            size = windowSize(windowSize);
        } catch (IllegalArgumentException e) {
            System.err.println("ltrr: " + e.getMessage());
            return 2;
        }
        try {
            WorkbenchApp.launch(new GuiOptions(DataFolder.resolve(data), noEmbeddings, demoQuery, screenshot, demo, demoSimulation,
                    screenshotAfter, demoWindow, size[0], size[1]));
        } catch (RuntimeException e) {
            System.err.println("ltrr: " + DisplayCheck.startFailure(e));
            return 1;
        }
        return 0;
    }

    /** "1280x720" as {width, height}; {0, 0} for null. */
    static double[] windowSize(String text) {
        if (text == null) {
            return new double[] {0, 0};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3,5})x(\\d{3,5})").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--window-size must be WIDTHxHEIGHT in pixels (1280x720), was '"
                    + text.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return new double[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }
}
