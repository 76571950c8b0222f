package io.ltrr.app.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link BackgroundRunner} that times every piece of work it runs on the UI thread: the callbacks of background
 * work and the updates posted with {@link #onUi} (for the simulation panel: each snapshot, with the chart redraw
 * its listeners do), in wall time and in the UI thread's CPU time. It measures the app's own UI-thread work, not
 * the toolkit's rendering; the CPU time also leaves out the time the thread waited for a core on a loaded machine.
 */
final class FxWorkProbe implements BackgroundRunner {
    private final BackgroundRunner delegate;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong maxCpuNanos = new AtomicLong();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    FxWorkProbe(BackgroundRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        delegate.run(name, work, v -> timed(() -> onSuccess.accept(v)), e -> timed(() -> onFailure.accept(e)));
    }

    @Override
    public void onUi(Runnable update) {
        delegate.onUi(() -> timed(update));
    }

    private void timed(Runnable r) {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try {
            r.run();
        } finally {
            long took = System.nanoTime() - start;
            maxCpuNanos.accumulateAndGet(threads.getCurrentThreadCpuTime() - cpuStart, Math::max);
            count.incrementAndGet();
            totalNanos.addAndGet(took);
            maxNanos.accumulateAndGet(took, Math::max);
        }
    }

    long count() {
        return count.get();
    }

    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** The longest piece of work in CPU time of the UI thread (not counting time it waited for a core). */
    double maxCpuMillis() {
        return maxCpuNanos.get() / 1e6;
    }

    double meanMillis() {
        long n = count.get();
        return n == 0 ? 0 : totalNanos.get() / 1e6 / n;
    }

    void clear() {
        count.set(0);
        maxNanos.set(0);
        maxCpuNanos.set(0);
        totalNanos.set(0);
    }
}
