package io.ltrr.app.cli;

import io.ltrr.app.gui.GuiCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ltrr} command line: one subcommand per engine capability. */
@Command(name = "ltrr", mixinStandardHelpOptions = true, version = "ltrr 0.1.0",
        description = "LTR&R Workbench: a contextual bandit over retrieval strategies.%n"
                + "With no command, opens the workbench window.",
        subcommands = {IndexCommand.class, SearchCommand.class, EvalCommand.class, FeedbackCommand.class, LogCommand.class, PolicyCommand.class,
                SimulateCommand.class, CompareCommand.class, OpeCommand.class, ExportCommand.class, ImportCommand.class,
                SnapshotCommand.class, AgreementCommand.class, PrefsCommand.class, RankerCommand.class, FeaturesCommand.class, BenchCommand.class, CatalogCommand.class,
                CommandLine.HelpCommand.class})
public final class LtrrCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No command: open the workbench window (its own options, e.g. --data, are routed by the Launcher).
        int code = GuiCommand.run();
        if (code != 0) {
            throw new IllegalStateException("the workbench window could not be opened");
        }
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new LtrrCommand());
        cli.setExecutionExceptionHandler(LtrrCommand::handle);
        return cli;
    }

    /** Expected failures (bad input, missing files) are one clear line on stderr, not a stack trace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e instanceof IOException) {
            err.println("ltrr " + cli.getCommandName() + ": " + message(e));
            err.flush();
            return 2;
        }
        if (e instanceof CancellationException) {
            err.println("ltrr " + cli.getCommandName() + ": cancelled");
            err.flush();
            return 130;
        }
        e.printStackTrace(err);
        return 1;
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = e.getMessage() != null ? e.getMessage() : cause.toString();
        // The engine wraps a missing file in UncheckedIOException with its own context; the path is what helps.
        if (cause instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        return m;
    }
}
