package io.ltrr.app.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs engine work off the UI thread and hands the outcome back on it. ViewModels depend on this role only,
 * so tests can run everything on one thread.
 */
public interface BackgroundRunner {
    /**
     * Runs {@code work} in the background; then, on the UI thread, {@code onSuccess} with its value or
     * {@code onFailure} with what it threw.
     */
    <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code update} on the UI thread (for progress reported by a worker). */
    void onUi(Runnable update);
}
