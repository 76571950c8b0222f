package io.ltrr.app.cli;

import io.ltrr.app.gui.GuiCommand;
import io.ltrr.engine.store.FeedbackStoreException;
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
        subcommands = {IndexCommand.class, SearchCommand.class, EvalCommand.class, FeedbackCommand.class, LogCommand.class, PolicyCommand.class, PriorCommand.class,
                SimulateCommand.class, CompareCommand.class, OpeCommand.class, ExportCommand.class, ImportCommand.class,
                SnapshotCommand.class, QuerySetCommand.class, JudgmentsCommand.class, AgreementCommand.class, PrefsCommand.class, RankerCommand.class, FeaturesCommand.class, InterleaveCommand.class, BenchCommand.class, CatalogCommand.class, StoreCommand.class,
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

    /**
     * Every failure is one line on stderr, never a stack trace: expected ones (bad input, missing files, a folder
     * in use, a full disk, a shared feedback store unreachable or refusing the login) say what happened and what to do; anything else says it is an internal error (the stack
     * trace follows only with {@code LTRR_DEBUG=1}).
     */
    static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        String prefix = cli.getCommandSpec().qualifiedName() + ": ";
        if (e instanceof CancellationException) {
            err.println(prefix + "cancelled");
            err.flush();
            return 130;
        }
        String noSpace = noSpaceLeft(e);
        String damagedIndex = damagedIndex(e);
        if (noSpace != null) {
            err.println(prefix + noSpace);
        } else if (damagedIndex != null) {
            err.println(prefix + damagedIndex);
        } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e instanceof IOException
                || e instanceof FeedbackStoreException) {
            err.println(prefix + oneLine(message(e)));
        } else {
            err.println(prefix + "internal error: " + oneLine(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                    + " (run again with LTRR_DEBUG=1 for details)");
            if ("1".equals(System.getenv("LTRR_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
        err.flush();
        return 2;
    }

    /** "no space left on …" when a full disk is somewhere in the causes (H2 and Lucene wrap it in their own). */
    private static String noSpaceLeft(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return "no space left on the device (the data folder or a temporary folder); free some space and "
                        + "run the command again — nothing acknowledged was lost";
            }
        }
        return null;
    }

    /** A damaged Lucene index somewhere in the causes: say so and how to mend it. */
    private static String damagedIndex(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("CorruptIndexException") || name.equals("IndexFormatTooOldException")
                    || name.equals("IndexFormatTooNewException")) {
                return "the catalog index is damaged (" + oneLine(String.valueOf(t.getMessage()))
                        + "); rebuild it with: ltrr index (it checks every file's checksum and rebuilds a damaged "
                        + "index with the folder's settings)";
            }
        }
        return null;
    }

    /** The first line of a message, at most 500 characters: one line whatever the cause. */
    private static String oneLine(String m) {
        String first = m.strip().lines().findFirst().orElse("");
        return first.length() > 500 ? first.substring(0, 500) + "…" : first;
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
