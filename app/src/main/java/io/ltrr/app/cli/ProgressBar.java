package io.ltrr.app.cli;

import io.ltrr.engine.progress.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar on stderr with rate (items/s) and ETA, redrawn at most 10 times a second.
 * When stderr is not a terminal it prints a plain line every 10 %.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private long start = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;
    private String lastPhase = "";
    /** Units already done when the phase started here (a resumed embedding starts past 0). */
    private long phaseFrom;

    public ProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        long now = System.nanoTime();
        if (!phase.equals(lastPhase)) {
            start = now; // the rate and ETA are of the current phase, as far as this run goes
            phaseFrom = done;
        }
        boolean finished = total > 0 && done >= total;
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = seconds < 0.2 ? 0 : (done - phaseFrom) / seconds; // too early in a phase: no rate yet
        String eta = total > 0 && rate > 0 ? formatSeconds((total - done) / rate) : "?";
        String line = String.format(Locale.ROOT, "%-22s %s %d/%s  %.0f items/s  ETA %s", phase, bar(done, total), done,
                total < 0 ? "?" : Long.toString(total), rate, eta);
        if (terminal) {
            if (finished || now - lastDraw > 100_000_000L || !phase.equals(lastPhase)) {
                out.print("\r" + line);
                if (finished) {
                    out.println();
                }
                lastDraw = now;
            }
        } else {
            int decile = total > 0 ? (int) (10 * done / total) : 0;
            if (decile != lastDecile || !phase.equals(lastPhase)) {
                out.println(line);
                lastDecile = decile;
            }
        }
        lastPhase = phase;
        out.flush();
    }

    private static String bar(long done, long total) {
        int filled = total > 0 ? (int) Math.min(WIDTH, WIDTH * done / total) : 0;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
    }

    private static String formatSeconds(double s) {
        long secs = Math.round(s);
        return secs >= 60 ? (secs / 60) + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s" : secs + "s";
    }
}
