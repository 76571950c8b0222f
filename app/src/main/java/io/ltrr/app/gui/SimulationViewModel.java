package io.ltrr.app.gui;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationMetrics;
import io.ltrr.engine.sim.SimulationRunner;
import io.ltrr.engine.sim.SimulationSnapshot;
import io.ltrr.engine.sim.Simulator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The simulation panel: picks a scenario, a policy and a speed, and plays, pauses, steps and resets a
 * {@link SimulationRunner} on its own worker thread (a long run never holds up searches). The worker hands
 * snapshots to the UI thread at most ten times a second; only the UI thread touches these properties. A reset
 * drops the world and the policy: the next start begins again from round 0 (same seed, same rounds).
 */
public final class SimulationViewModel {
    /** What the panel is doing. */
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, FINISHED, FAILED }

    /** The simulated users' oracle knows every arm's expected reward, so this regret is exact, not estimated. */
    static final String REGRET_LABEL = "true regret (simulation oracle)";
    static final int WINDOW = Simulator.DEFAULT_WINDOW;

    private final SimulationSources sources;
    private final Executor worker;
    private final BackgroundRunner ui;
    private final LongSupplier nanoClock;
    private final ObservableList<String> scenarios = FXCollections.observableArrayList(SimulationSources.shipped());
    private final ObservableList<String> policies = FXCollections.observableArrayList(SimulationSources.policyIds());
    private final StringProperty scenario = new SimpleStringProperty(this, "scenario", "music-default");
    private final StringProperty policy = new SimpleStringProperty(this, "policy", "thompson");
    private final IntegerProperty maxArms = new SimpleIntegerProperty(this, "maxArms", 0);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final LongProperty limit = new SimpleLongProperty(this, "limit", 20_000);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 200);
    private final BooleanProperty fastest = new SimpleBooleanProperty(this, "fastest", false);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty roundsText = new SimpleStringProperty(this, "roundsText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo", false);
    private final ReadOnlyObjectWrapper<ChartData> chartData = new ReadOnlyObjectWrapper<>(this, "chartData",
            ChartData.empty());
    private final ReadOnlyObjectWrapper<SimulationSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final DemoScript script = new DemoScript();

    // written on the UI thread, read on the worker: a task of an older generation does nothing visible
    private volatile int generation;
    private volatile SimulationRunner runner;
    private final AtomicReference<Pending> pending = new AtomicReference<>();

    /**
     * @param worker    runs the simulation: one thread, so plays and steps queue in order
     * @param ui        hands snapshots to the UI thread ({@link BackgroundRunner#onUi})
     * @param nanoClock the monotonic clock the runner paces and throttles on
     */
    public SimulationViewModel(SimulationSources sources, Executor worker, BackgroundRunner ui, LongSupplier nanoClock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        speed.addListener((obs, o, n) -> applySpeed());
        fastest.addListener((obs, o, n) -> applySpeed());
    }

    public ObservableList<String> scenarios() {
        return scenarios;
    }

    public ObservableList<String> policies() {
        return policies;
    }

    public StringProperty scenarioProperty() {
        return scenario;
    }

    public StringProperty policyProperty() {
        return policy;
    }

    /** Arms per round at most; 0 keeps the scenario's. */
    public IntegerProperty maxArmsProperty() {
        return maxArms;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Rounds after which a play stops (progress is measured against it). */
    public LongProperty limitProperty() {
        return limit;
    }

    /** Rounds per second, unless {@link #fastestProperty()}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** As fast as possible. */
    public BooleanProperty fastestProperty() {
        return fastest;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty roundsTextProperty() {
        return roundsText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** What is happening, in words (the demo shows it large); empty outside the demo. */
    public StringProperty captionProperty() {
        return caption;
    }

    /** True while the scripted demo plays (it sets the speed itself). */
    public BooleanProperty demoProperty() {
        return demo;
    }

    public ReadOnlyObjectProperty<ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    /** The latest snapshot, null before the first round and after a reset. */
    public ReadOnlyObjectProperty<SimulationSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Adds a scenario file to the picker and selects it. */
    public void addScenarioFile(String path) {
        if (!scenarios.contains(path)) {
            scenarios.add(path);
        }
        scenario.set(path);
    }

    /** Plays (from round 0 after a reset, else from where it paused) until the limit, a pause or a reset. */
    public void start() {
        switch (state.get()) {
            case RUNNING, PREPARING -> {
                return;
            }
            case FINISHED -> {
                if (runner != null && runner.rounds() >= limit.get()) {
                    message.set("reached " + limit.get() + " rounds: raise the limit, step, or reset");
                    return;
                }
            }
            default -> {
            }
        }
        int gen = generation;
        SimulationRunner r = runner;
        if (r == null) {
            prepare(gen, true);
            return;
        }
        r.resume();
        state.set(State.RUNNING);
        message.set("running");
        long until = limit.get();
        worker.execute(() -> play(r, gen, until));
    }

    /** Stops playing after the current round. */
    public void pause() {
        SimulationRunner r = runner;
        if (state.get() == State.RUNNING && r != null) {
            r.pause();
            message.set("pausing…");
        }
    }

    /** Start when not running, pause when running. */
    public void togglePlay() {
        if (state.get() == State.RUNNING) {
            pause();
        } else {
            start();
        }
    }

    /** Plays exactly one round (preparing the world first when there is none); ignored while playing. */
    public void step() {
        State s = state.get();
        if (s == State.RUNNING || s == State.PREPARING) {
            return;
        }
        int gen = generation;
        SimulationRunner r = runner;
        if (r == null) {
            prepare(gen, false);
            return;
        }
        worker.execute(() -> stepOn(r, gen));
    }

    /** Drops the run: charts cleared, a fresh world and policy on the next start. */
    public void reset() {
        generation++;
        SimulationRunner r = runner;
        runner = null;
        if (r != null) {
            r.cancel();
        }
        demo.set(false);
        state.set(State.IDLE);
        snapshot.set(null);
        chartData.set(ChartData.empty());
        progress.set(0);
        roundsText.set("");
        caption.set("");
        message.set("reset: the next start plays a fresh world and policy from round 0");
    }

    /**
     * The scripted demo: resets, then plays the demo scenario ({@value DemoScript#SCENARIO}) at a watchable speed
     * that rises as the bandit learns, with a caption of what is happening.
     */
    public void playDemo() {
        playDemo(DemoScript.SCENARIO);
    }

    /** The scripted demo on another scenario (tests use one that needs no catalog). */
    public void playDemo(String scenarioName) {
        reset();
        scenario.set(scenarioName);
        policy.set(DemoScript.POLICY);
        maxArms.set(0);
        limit.set(DemoScript.ROUNDS);
        fastest.set(false);
        demo.set(true);
        speed.set(script.speedAfter(0));
        caption.set(script.caption(null));
        start();
    }

    private double effectiveSpeed() {
        return fastest.get() ? Double.POSITIVE_INFINITY : Math.max(0.1, speed.get());
    }

    private void applySpeed() {
        SimulationRunner r = runner;
        if (r != null) {
            r.setSpeed(effectiveSpeed());
        }
    }

    /** Builds world and policy on the worker, then plays or steps. */
    private void prepare(int gen, boolean play) {
        String name = scenario.get();
        String policyId = policy.get();
        int arms = maxArms.get();
        long runSeed = seed.get();
        long until = limit.get();
        double pace = effectiveSpeed();
        state.set(State.PREPARING);
        message.set("preparing " + name + "…");
        worker.execute(() -> {
            SimulationRunner r;
            try {
                Scenario sc = sources.scenario(name);
                SimulatedWorld world = sources.world(sc, runSeed, arms);
                SelectionPolicy p = sources.policy(policyId, runSeed, world.featureNames());
                r = new SimulationRunner(world, p, WINDOW, SimulationRunner.DEFAULT_POINTS, nanoClock, null);
                r.setSpeed(pace);
            } catch (RuntimeException e) {
                ui.onUi(() -> failed(gen, e));
                return;
            }
            if (gen != generation) {
                return;
            }
            runner = r;
            ui.onUi(() -> {
                if (gen == generation) {
                    applySpeed();
                    state.set(play ? State.RUNNING : State.PAUSED);
                    message.set(play ? "running" : "paused");
                }
            });
            if (play) {
                play(r, gen, until);
            } else {
                stepOn(r, gen);
            }
        });
    }

    private void play(SimulationRunner r, int gen, long until) {
        SimulationRunner.Stop stop;
        try {
            stop = r.play(until, snap -> post(gen, snap));
        } catch (IllegalStateException e) {
            return; // reset while queued: the runner was cancelled
        } catch (RuntimeException e) {
            ui.onUi(() -> failed(gen, e));
            return;
        }
        ui.onUi(() -> {
            if (gen != generation) {
                return;
            }
            boolean done = stop == SimulationRunner.Stop.REACHED_LIMIT;
            state.set(done ? State.FINISHED : State.PAUSED);
            message.set(done ? "finished " + r.rounds() + " rounds" : "paused");
            if (done) {
                demo.set(false);
            }
        });
    }

    /**
     * Hands a snapshot to the UI thread, keeping at most one update queued there: when the UI thread is slow
     * (a loaded machine), newer snapshots replace the waiting one instead of piling up behind it.
     */
    private void post(int gen, SimulationSnapshot snap) {
        if (pending.getAndSet(new Pending(gen, snap)) == null) {
            ui.onUi(() -> {
                Pending p = pending.getAndSet(null);
                if (p != null) {
                    show(p.gen(), p.snap());
                }
            });
        }
    }

    private record Pending(int gen, SimulationSnapshot snap) {
    }

    private void stepOn(SimulationRunner r, int gen) {
        SimulationSnapshot snap;
        try {
            snap = r.step();
        } catch (IllegalStateException e) {
            return;
        } catch (RuntimeException e) {
            ui.onUi(() -> failed(gen, e));
            return;
        }
        ui.onUi(() -> {
            show(gen, snap);
            if (gen == generation) {
                message.set("stepped to round " + snap.roundsPlayed());
            }
        });
    }

    private void failed(int gen, Throwable e) {
        if (gen != generation) {
            return;
        }
        runner = null;
        demo.set(false);
        state.set(State.FAILED);
        message.set("simulation failed: " + e.getMessage());
    }

    private void show(int gen, SimulationSnapshot snap) {
        if (gen != generation) {
            return;
        }
        snapshot.set(snap);
        chartData.set(chartData(snap));
        long rounds = snap.roundsPlayed();
        SimulationMetrics m = snap.metrics();
        progress.set(Math.min(1.0, rounds / (double) Math.max(1, limit.get())));
        roundsText.set(String.format(Locale.ROOT, "round %,d of %,d · regret %.1f (%.3f per round) · CTR %.3f",
                rounds, limit.get(), m.cumulativeRegret(), m.meanRegret(), m.ctr()));
        if (demo.get()) {
            caption.set(script.caption(snap));
            double next = script.speedAfter(rounds);
            if (next != speed.get()) {
                speed.set(next);
            }
        }
    }

    /** The runner's snapshot as chart data: true regret, stacked window shares, reward rate (NaN when never chosen). */
    static ChartData chartData(SimulationSnapshot snap) {
        long[] r = snap.rounds();
        double[] x = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            x[i] = r[i];
        }
        Map<String, double[]> share = new LinkedHashMap<>();
        Map<String, Double> rate = new LinkedHashMap<>();
        for (String arm : snap.arms()) {
            share.put(arm, snap.selectShare(arm));
            boolean chosen = snap.metrics().armShare().getOrDefault(arm, 0.0) > 0;
            rate.put(arm, chosen ? snap.metrics().rewardRate().get(arm) : Double.NaN);
        }
        return new ChartData(snap.arms(), x, snap.regret(), REGRET_LABEL, share, rate);
    }
}
