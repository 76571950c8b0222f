package io.ltrr.engine.sim;

import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A simulation that can be played, paused, stepped one round at a time and cancelled, for an interactive view:
 * the same rounds as {@link Simulator} (world plays, policy learns from the semi-bandit rewards, metrics
 * advance), so the same seeds give the same rounds however the run is cut into plays and steps.
 *
 * <p>{@link #play} and {@link #step} run on one worker thread at a time (they refuse to overlap);
 * {@link #pause}, {@link #cancel} and {@link #setSpeed} may be called from any thread and take effect between
 * rounds. {@link #play} paces the rounds to the speed (or runs as fast as it can) and hands snapshots to a
 * listener at most {@value #SNAPSHOTS_PER_SECOND} times a second, plus once when it stops.
 */
public final class SimulationRunner {
    /**
     * Snapshots handed out by {@link #play} per second at most, while rounds are played: live charts then move
     * at least ten times a second without redrawing after every round.
     */
    public static final int SNAPSHOTS_PER_SECOND = 12;
    /** Trajectory points kept before thinning (the history is halved when it reaches twice this). */
    public static final int DEFAULT_POINTS = 150;
    private static final long SNAPSHOT_INTERVAL_NANOS = 1_000_000_000L / SNAPSHOTS_PER_SECOND;
    /** Longest single wait while pacing, so a speed change is noticed soon. */
    private static final long MAX_WAIT_NANOS = 50_000_000L;

    /** Waits while pacing; the default one wakes early on {@link #pause} or {@link #cancel}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** Why {@link #play} returned. */
    public enum Stop { PAUSED, CANCELLED, REACHED_LIMIT }

    private final SimulatedWorld world;
    private final SelectionPolicy policy;
    private final List<String> arms;
    private final MetricsTracker tracker;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final int maxPoints;
    private final Object wakeUp = new Object();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean pauseRequested;
    private volatile boolean cancelled;
    private volatile double speed = Double.POSITIVE_INFINITY;

    // trajectory: points at rounds that are multiples of stride, thinned by half when full
    private long[] pointRounds;
    private double[] pointRegret;
    private double[][] pointShare;
    private double[] pointCtr;
    private double[][] pointExpected;
    private double[] pointBest;
    private int points;
    private long stride = 1;
    private long rounds;
    // running sums of the oracle's o_a per arm and of each round's largest o_a
    private final double[] expectedSum;
    private double bestSum;
    private RoundOutcome last;

    /** Paced on {@link System#nanoTime()}, {@link Simulator#DEFAULT_WINDOW} rounds of window, default points. */
    public SimulationRunner(SimulatedWorld world, SelectionPolicy policy) {
        this(world, policy, Simulator.DEFAULT_WINDOW, DEFAULT_POINTS, System::nanoTime, null);
    }

    /**
     * @param window    rounds of the sliding window of arm shares
     * @param maxPoints trajectory points kept (at least 2)
     * @param nanoClock a monotonic clock in nanoseconds (pacing and snapshot throttling)
     * @param sleeper   how to wait while pacing; null for a wait that {@link #pause} and {@link #cancel} interrupt
     */
    public SimulationRunner(SimulatedWorld world, SelectionPolicy policy, int window, int maxPoints,
                            LongSupplier nanoClock, Sleeper sleeper) {
        this.world = Objects.requireNonNull(world, "world");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be >= 2, was " + maxPoints);
        }
        this.arms = List.copyOf(world.arms());
        this.tracker = new MetricsTracker(arms, window);
        this.maxPoints = maxPoints;
        this.sleeper = sleeper != null ? sleeper : this::waitForWakeUp;
        this.pointRounds = new long[2 * maxPoints];
        this.pointRegret = new double[2 * maxPoints];
        this.pointShare = new double[arms.size()][2 * maxPoints];
        this.pointCtr = new double[2 * maxPoints];
        this.pointExpected = new double[arms.size()][2 * maxPoints];
        this.pointBest = new double[2 * maxPoints];
        this.expectedSum = new double[arms.size()];
    }

    public List<String> arms() {
        return arms;
    }

    /** Rounds played so far. */
    public long rounds() {
        return rounds;
    }

    /**
     * Rounds per second {@link #play} aims at; {@link Double#POSITIVE_INFINITY} for as fast as possible.
     *
     * @throws IllegalArgumentException unless positive
     */
    public void setSpeed(double roundsPerSecond) {
        if (!(roundsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 rounds per second, was " + roundsPerSecond);
        }
        speed = roundsPerSecond;
        wake();
    }

    public double speed() {
        return speed;
    }

    /** Makes a running {@link #play} return after its current round; a later {@link #resume} allows playing again. */
    public void pause() {
        pauseRequested = true;
        wake();
    }

    /** Clears a pause, so the next {@link #play} plays (call before handing it to the worker). */
    public void resume() {
        pauseRequested = false;
    }

    /** Stops a running {@link #play} after its current round; from now on play and step refuse. */
    public void cancel() {
        cancelled = true;
        wake();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Plays exactly one round (whatever the pause flag says) and returns the snapshot after it.
     *
     * @throws IllegalStateException when cancelled or while {@link #play} runs
     */
    public SimulationSnapshot step() {
        enter();
        try {
            playRound();
            return snapshot();
        } finally {
            busy.set(false);
        }
    }

    /**
     * Plays rounds at the current speed until {@code limit} rounds have been played in all, or it is paused or
     * cancelled; hands {@code listener} a snapshot at most {@value #SNAPSHOTS_PER_SECOND} times a second and a
     * last one before returning. Returns at once, with a snapshot, when already paused or at the limit.
     *
     * @param limit total rounds at which to stop
     * @throws IllegalStateException when cancelled or while another play or step runs
     */
    public Stop play(long limit, Consumer<SimulationSnapshot> listener) {
        Objects.requireNonNull(listener, "listener");
        enter();
        try {
            long lastSnapshot = nanoClock.getAsLong();
            long baseTime = lastSnapshot;
            long baseRound = rounds;
            double pace = speed;
            Stop stop;
            while (true) {
                if (cancelled) {
                    stop = Stop.CANCELLED;
                    break;
                }
                if (pauseRequested) {
                    stop = Stop.PAUSED;
                    break;
                }
                if (rounds >= limit) {
                    stop = Stop.REACHED_LIMIT;
                    break;
                }
                if (speed != pace) {
                    // a new speed counts from now, not from the start of the play
                    pace = speed;
                    baseTime = nanoClock.getAsLong();
                    baseRound = rounds;
                }
                if (!Double.isInfinite(pace)) {
                    long due = baseTime + (long) ((rounds - baseRound) * 1e9 / pace);
                    long wait = due - nanoClock.getAsLong();
                    if (wait > 0) {
                        sleeper.sleepNanos(Math.min(wait, MAX_WAIT_NANOS));
                        continue; // re-check pause, cancel and speed before playing
                    }
                }
                playRound();
                long now = nanoClock.getAsLong();
                if (now - lastSnapshot >= SNAPSHOT_INTERVAL_NANOS) {
                    lastSnapshot = now;
                    listener.accept(snapshot());
                }
            }
            listener.accept(snapshot());
            return stop;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.accept(snapshot());
            return Stop.CANCELLED;
        } finally {
            busy.set(false);
        }
    }

    /** The metrics and trajectory now; call on the thread that plays (or when nothing plays). */
    public SimulationSnapshot snapshot() {
        SimulationMetrics m = tracker.snapshot();
        boolean tail = points == 0 || pointRounds[points - 1] != rounds;
        int n = points + (tail && rounds > 0 ? 1 : 0);
        long[] r = Arrays.copyOf(pointRounds, n);
        double[] g = Arrays.copyOf(pointRegret, n);
        double[] c = Arrays.copyOf(pointCtr, n);
        double[] b = Arrays.copyOf(pointBest, n);
        Map<String, double[]> share = new java.util.LinkedHashMap<>();
        Map<String, double[]> expected = new java.util.LinkedHashMap<>();
        for (int a = 0; a < arms.size(); a++) {
            share.put(arms.get(a), Arrays.copyOf(pointShare[a], n));
            expected.put(arms.get(a), Arrays.copyOf(pointExpected[a], n));
        }
        if (n > points) {
            r[n - 1] = rounds;
            g[n - 1] = m.cumulativeRegret();
            c[n - 1] = m.ctr();
            b[n - 1] = bestSum / rounds;
            double[] s = selectShares(m);
            for (int a = 0; a < arms.size(); a++) {
                share.get(arms.get(a))[n - 1] = s[a];
                expected.get(arms.get(a))[n - 1] = expectedSum[a] / rounds;
            }
        }
        return new SimulationSnapshot(m, arms, r, g, share, c, expected, b, last);
    }

    private void enter() {
        if (cancelled) {
            throw new IllegalStateException("the simulation was cancelled");
        }
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("the simulation is already playing");
        }
    }

    private void playRound() {
        RoundOutcome outcome = world.play(rounds, policy);
        policy.update(outcome.x(), new LinkedHashSet<>(outcome.selection().chosen()), outcome.rewards());
        tracker.add(outcome);
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < arms.size(); a++) {
            double o = outcome.expected(arms.get(a));
            expectedSum[a] += o;
            best = Math.max(best, o);
        }
        bestSum += best;
        last = outcome;
        rounds++;
        if (rounds % stride == 0) {
            record();
        }
    }

    private void record() {
        if (points == pointRounds.length) {
            thin();
            if (rounds % stride != 0) {
                return;
            }
        }
        SimulationMetrics m = tracker.snapshot();
        pointRounds[points] = rounds;
        pointRegret[points] = m.cumulativeRegret();
        pointCtr[points] = m.ctr();
        pointBest[points] = bestSum / rounds;
        double[] s = selectShares(m);
        for (int a = 0; a < arms.size(); a++) {
            pointShare[a][points] = s[a];
            pointExpected[a][points] = expectedSum[a] / rounds;
        }
        points++;
    }

    /** Keeps the points at multiples of twice the stride (every other one), then doubles the stride. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < points; i++) {
            if (pointRounds[i] % (2 * stride) == 0) {
                pointRounds[kept] = pointRounds[i];
                pointRegret[kept] = pointRegret[i];
                pointCtr[kept] = pointCtr[i];
                pointBest[kept] = pointBest[i];
                for (double[] s : pointShare) {
                    s[kept] = s[i];
                }
                for (double[] e : pointExpected) {
                    e[kept] = e[i];
                }
                kept++;
            }
        }
        points = kept;
        stride *= 2;
    }

    /** The window's arm shares normalized over selections, so they stack to 1. */
    private double[] selectShares(SimulationMetrics m) {
        double[] s = new double[arms.size()];
        double total = 0;
        for (int a = 0; a < arms.size(); a++) {
            s[a] = m.windowArmShare().getOrDefault(arms.get(a), 0.0);
            total += s[a];
        }
        for (int a = 0; a < s.length && total > 0; a++) {
            s[a] /= total;
        }
        return s;
    }

    private void waitForWakeUp(long nanos) throws InterruptedException {
        synchronized (wakeUp) {
            if (!pauseRequested && !cancelled) {
                wakeUp.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }
}
