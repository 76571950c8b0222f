package io.ltrr.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the data lives and whether to print JSON. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (index, feedback store). Default: $LTRR_DATA or ~/.local/share/ltrr.")
    Path data;

    @Option(names = "--json", description = "Print one JSON document on stdout and nothing else.")
    boolean json;

    /** The data folder: --data, else $LTRR_DATA, else $XDG_DATA_HOME/ltrr, else ~/.local/share/ltrr. */
    public Path dataDir() {
        if (data != null) {
            return data.toAbsolutePath().normalize();
        }
        String env = System.getenv("LTRR_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("ltrr").toAbsolutePath().normalize();
    }

    public boolean json() {
        return json;
    }
}
