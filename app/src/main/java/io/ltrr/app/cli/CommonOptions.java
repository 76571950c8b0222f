package io.ltrr.app.cli;

import io.ltrr.app.folder.DataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the data lives and whether to print JSON. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = DataFolder.OPTION_DESCRIPTION)
    Path data;

    @Option(names = "--json", description = "Print one JSON document on stdout and nothing else.")
    boolean json;

    /** The data folder: --data, else $LTRR_DATA, else $XDG_DATA_HOME/ltrr, else ~/.local/share/ltrr. */
    public Path dataDir() {
        return DataFolder.resolve(data);
    }

    public boolean json() {
        return json;
    }
}
