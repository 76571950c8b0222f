package io.ltrr.app.cli;

import io.ltrr.app.folder.DataFolder;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.export.DataExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command takes: where the data lives and whether to print JSON. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.OPTION_DESCRIPTION)
    Path data;

    @Option(names = "--json", description = "Print one JSON document on stdout and nothing else.")
    boolean json;

    @Option(names = "--reset-store", description = "When the folder's own (H2) feedback store is damaged: set it "
            + "aside (renamed, kept as a backup) and start an empty log. Refused when the store is not damaged, and "
            + "for a shared PostgreSQL store.")
    boolean resetStore;

    /** The command this is mixed into: its {@code --store} option, if it has one, names the store to be used. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The data folder: --data, else $LTRR_DATA, else $XDG_DATA_HOME/ltrr, else ~/.local/share/ltrr. */
    public Path dataDir() {
        Path dir = DataFolder.resolve(data);
        if (resetStore) {
            resetStore = false;
            refuseResettingASharedStore(dir);
            Path backup = DataExport.setAsideDamagedStore(dir);
            System.err.println("ltrr: the damaged feedback store was set aside as " + backup
                    + "; starting an empty log");
        }
        return dir;
    }

    /**
     * A workbench never sets aside or wipes a team's shared database: {@code --reset-store} is for the folder's own
     * H2 file, so it is refused when the command's {@code --store}, or else the folder's remembered store, is on
     * PostgreSQL.
     */
    private void refuseResettingASharedStore(Path dir) {
        OptionSpec storeOption = command == null ? null : command.findOption("--store");
        String given = storeOption == null ? null : storeOption.getValue();
        String where;
        if (given != null) {
            where = given.strip().equalsIgnoreCase(StoreChoice.H2) ? null : StoreChoice.normalise(given);
        } else {
            where = StoreChoice.read(new DataLayout(dir).store()).filter(StoreChoice::isPostgresql)
                    .map(StoreChoice::where).orElse(null);
        }
        if (where != null) {
            throw new IllegalArgumentException("--reset-store: this data folder's feedback store is the shared "
                    + "PostgreSQL database " + where + ", and a workbench never sets aside or wipes a team's database;"
                    + " if that database is damaged, have its administrator restore it from a backup, or point the "
                    + "folder at another one with --store postgresql://HOST:PORT/DB (or at its own with --store h2)");
        }
    }

    /**
     * The data folder of a command that only reads or adds to what is there (log, export, feedback, …): a folder
     * that does not exist is an error, never a new empty one (a mistyped --data would otherwise look empty).
     */
    public Path existingDataDir() {
        Path dir = dataDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no data folder at " + dir + " (nothing indexed or logged there; "
                    + "start one with: ltrr index --data " + dir + ")");
        }
        return dir;
    }

    /** The data folder of a command that may start one (index, search, import): created with a line saying so. */
    public Path dataDirCreatingIt() {
        Path dir = dataDir();
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + dir + ": " + e, e);
            }
            System.err.println("ltrr: created the data folder " + dir);
        }
        return dir;
    }

    public boolean json() {
        return json;
    }
}
