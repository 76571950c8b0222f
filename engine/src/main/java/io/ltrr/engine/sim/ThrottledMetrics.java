package io.ltrr.engine.sim;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Forwards at most {@value #PER_SECOND} snapshots per second to a listener (charts need no more), plus always
 * the final one. The clock is injectable so tests can run on simulated time.
 */
public final class ThrottledMetrics implements MetricsListener {
    public static final int PER_SECOND = 10;
    private static final long INTERVAL_NANOS = 1_000_000_000L / PER_SECOND;

    private final MetricsListener target;
    private final LongSupplier nanoClock;
    private boolean forwardedAny;
    private long lastForwarded;

    /** On {@link System#nanoTime()}. */
    public ThrottledMetrics(MetricsListener target) {
        this(target, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds */
    public ThrottledMetrics(MetricsListener target, LongSupplier nanoClock) {
        this.target = Objects.requireNonNull(target, "target");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public boolean wants(long round, boolean last) {
        if (last) {
            return true;
        }
        return !forwardedAny || nanoClock.getAsLong() - lastForwarded >= INTERVAL_NANOS;
    }

    @Override
    public void update(SimulationMetrics metrics) {
        forwardedAny = true;
        lastForwarded = nanoClock.getAsLong();
        target.update(metrics);
    }
}
