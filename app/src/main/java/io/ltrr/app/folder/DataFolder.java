package io.ltrr.app.folder;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workbench keeps its index and feedback store: the one resolution of {@code --data},
 * {@code $LTRR_DATA} and the XDG default, shared by the command line and the window.
 */
public final class DataFolder {
    /** The help text of a {@code --data} option. */
    public static final String OPTION_DESCRIPTION =
            "Data folder (index, feedback store). Default: $LTRR_DATA or ~/.local/share/ltrr.";

    private DataFolder() {
    }

    /** The data folder: {@code given}, else $LTRR_DATA, else $XDG_DATA_HOME/ltrr, else ~/.local/share/ltrr. */
    public static Path resolve(Path given) {
        return resolve(given, System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The data folder from an explicit environment, absolute and normalized; blank variables count as unset.
     *
     * @param given    the folder named on the command line, or null
     * @param env      the environment variables
     * @param userHome the user's home folder
     */
    public static Path resolve(Path given, Map<String, String> env, String userHome) {
        if (given != null) {
            return normalized(given);
        }
        String data = env.get("LTRR_DATA");
        if (data != null && !data.isBlank()) {
            return normalized(Path.of(data));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return normalized(base.resolve("ltrr"));
    }

    private static Path normalized(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
