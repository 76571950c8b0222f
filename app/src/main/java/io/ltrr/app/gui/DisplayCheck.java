package io.ltrr.app.gui;

import java.util.Map;
import java.util.Optional;

/**
 * Tells, before JavaFX starts, why a window cannot open on this machine, so that {@code ./ltrr} on a server
 * prints one line and a hint instead of JavaFX's stack trace.
 */
public final class DisplayCheck {
    private DisplayCheck() {
    }

    /**
     * The reason no window can open, or empty when one can (or when this check cannot tell).
     *
     * @param os the {@code os.name} system property
     * @param glassPlatform the {@code glass.platform} system property (Monocle runs without a display), or null
     * @param env the environment
     */
    public static Optional<String> problem(String os, String glassPlatform, Map<String, String> env) {
        boolean linuxLike = os != null && !os.toLowerCase().startsWith("windows") && !os.toLowerCase().startsWith("mac");
        if (!linuxLike || "monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                    + "Run it in a desktop session, over ssh -X, or under Xvfb (xvfb-run -a ./ltrr); "
                    + "the subcommands (./ltrr --help) need no display.");
        }
        return Optional.empty();
    }

    /** The message for a toolkit that failed to start, e.g. GTK 3 missing. */
    public static String startFailure(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String hint = reason.contains("GTK")
                ? " JavaFX needs GTK 3 on Linux (Debian/Ubuntu: apt-get install libgtk-3-0 libgl1 libxtst6)."
                : "";
        return "the window could not open: " + reason + "." + hint;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
