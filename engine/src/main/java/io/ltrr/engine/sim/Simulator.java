package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * Runs rounds of a {@link SimulatedWorld} with a policy: each round the world plays (the policy selects, the
 * user clicks), the policy learns from the chosen arms' semi-bandit rewards, and the metrics advance. A run is
 * a pure function of the world's seed, the policy's seed and the number of rounds: no clock and no unseeded
 * randomness touch it, so the same seeds give the same metrics, byte for byte.
 */
public final class Simulator {
    /** Rounds of the sliding window of arm shares. */
    public static final int DEFAULT_WINDOW = 500;
    private static final int PROGRESS_EVERY = 256;

    private final SimulatedWorld world;
    private final int window;

    public Simulator(SimulatedWorld world) {
        this(world, DEFAULT_WINDOW);
    }

    public Simulator(SimulatedWorld world, int window) {
        this.world = Objects.requireNonNull(world, "world");
        this.window = window;
    }

    /** Runs without listeners. */
    public SimulationMetrics run(SelectionPolicy policy, long rounds) {
        return run(policy, rounds, MetricsListener.NONE, RoundObserver.NONE, ProgressListener.NONE,
                CancellationToken.none());
    }

    /**
     * Runs {@code rounds} rounds and returns the final metrics.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is cancelled (between rounds)
     */
    public SimulationMetrics run(SelectionPolicy policy, long rounds, MetricsListener metrics, RoundObserver observer,
                                 ProgressListener progress, CancellationToken cancel) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        }
        MetricsTracker tracker = new MetricsTracker(world.arms(), window);
        for (long t = 0; t < rounds; t++) {
            cancel.throwIfCancelled();
            RoundOutcome outcome = world.play(t, policy);
            policy.update(outcome.x(), new LinkedHashSet<>(outcome.selection().chosen()), outcome.rewards());
            tracker.add(outcome);
            observer.observe(outcome);
            boolean last = t == rounds - 1;
            if (metrics.wants(t, last)) {
                metrics.update(tracker.snapshot());
            }
            if (last || (t + 1) % PROGRESS_EVERY == 0) {
                progress.progress("simulating", t + 1, rounds);
            }
        }
        return tracker.snapshot();
    }
}
