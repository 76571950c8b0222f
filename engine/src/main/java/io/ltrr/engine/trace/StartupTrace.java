package io.ltrr.engine.trace;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Timing lines for the command line's start-up, on stderr, when {@code -Dltrr.startup.trace=true} or
 * {@code LTRR_STARTUP_TRACE=1}: each step's own milliseconds and the time since the process started (so the JVM's
 * own start shows as the first line's offset). Off, a step costs one boolean test. Nothing else reads the figures:
 * they are for people measuring where start-up time goes (docs/benchmarks.md).
 */
public final class StartupTrace {
    private static final boolean ENABLED = Boolean.getBoolean("ltrr.startup.trace")
            || "1".equals(System.getenv("LTRR_STARTUP_TRACE"));
    private static final long PROCESS_START_NANOS = processStartNanos();

    private StartupTrace() {
    }

    /** Whether timing lines are printed. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Runs a step and prints its time when tracing; returns its value. */
    public static <T> T step(String what, Supplier<T> step) {
        if (!ENABLED) {
            return step.get();
        }
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            print(what, System.nanoTime() - start);
        }
    }

    /** Runs a step without a value and prints its time when tracing. */
    public static void run(String what, Runnable step) {
        step(what, () -> {
            step.run();
            return null;
        });
    }

    /** A point in the start-up (the time since the process started), when tracing. */
    public static void mark(String what) {
        if (ENABLED) {
            print(what, -1);
        }
    }

    private static void print(String what, long nanos) {
        PrintStream err = System.err;
        long sinceStart = System.nanoTime() - PROCESS_START_NANOS;
        err.println(String.format(Locale.ROOT, "ltrr-trace: %7.1f ms since start  %s%s", sinceStart / 1e6,
                nanos < 0 ? "" : String.format(Locale.ROOT, "%7.1f ms  ", nanos / 1e6), what));
    }

    /** The process's start on the {@link System#nanoTime()} scale (the JVM's boot before main included). */
    private static long processStartNanos() {
        long now = System.nanoTime();
        return ProcessHandle.current().info().startInstant()
                .map(start -> now - Duration.between(start, Instant.now()).toNanos())
                .orElse(now);
    }
}
