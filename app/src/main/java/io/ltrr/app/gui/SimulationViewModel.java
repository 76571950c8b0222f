package io.ltrr.app.gui;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.sim.Scenario;
import io.ltrr.engine.sim.SimulatedWorld;
import io.ltrr.engine.sim.SimulationRunner;
import io.ltrr.engine.sim.SimulationSnapshot;
import io.ltrr.engine.sim.Simulator;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The simulation panel: plays, pauses, steps and resets a {@link SimulationRunner} on its own worker thread (a
 * long run never holds up searches) with the {@link SimulationSettings} picked, and shows its snapshots through a
 * {@link SimulationChartModel}. The worker hands snapshots to the UI thread at most ten times a second; only the UI
 * thread touches these properties. A reset drops the world and the policy: the next start begins again from
 * round 0 (same seed, same rounds).
 */
public final class SimulationViewModel {
    /** What the panel is doing. */
    public enum State { IDLE, PREPARING, RUNNING, PAUSED, FINISHED, FAILED }

    static final int WINDOW = Simulator.DEFAULT_WINDOW;

    private final SimulationSources sources;
    private final Executor worker;
    private final BackgroundRunner ui;
    private final LongSupplier nanoClock;
    private final SimulationSettings settings = new SimulationSettings();
    private final SimulationChartModel charts = new SimulationChartModel();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty contextWarning = new SimpleStringProperty(this, "contextWarning", "");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final BooleanProperty demo = new SimpleBooleanProperty(this, "demo", false);
    private final StringProperty measured = new SimpleStringProperty(this, "measured", "");
    private final StringProperty stepDetails = new SimpleStringProperty(this, "stepDetails", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final DemoScript script = new DemoScript();
    /** (time, rounds) of the snapshots shown in the last second, oldest first, for the measured speed. */
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    /** What the demo changed, said again once its world is prepared (the "running" line would hide it); or null. */
    private String demoNote;
    /** The user's settings the demo replaced; restored on reset. Null when the demo changed nothing. */
    private SimulationSettings.Run saved;

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
        settings.speedProperty().addListener((obs, o, n) -> applySpeed());
        settings.fastestProperty().addListener((obs, o, n) -> applySpeed());
    }

    /** What to run and how fast. */
    public SimulationSettings settings() {
        return settings;
    }

    /** The charts and read-outs of the run. */
    public SimulationChartModel charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    /**
     * The run's policy's warning about the scenario's context (a policy that buckets on features the scenario does
     * not have learns one statistic for every context); empty when it has none or before a world is prepared.
     */
    public StringProperty contextWarningProperty() {
        return contextWarning;
    }

    /** What is happening, in words (the demo shows it large); empty outside the demo. */
    public StringProperty captionProperty() {
        return caption;
    }

    /** True while the scripted demo plays (it sets the speed itself). */
    public BooleanProperty demoProperty() {
        return demo;
    }

    /** The rounds per second really played over about the last second, in words; empty when not running. */
    public StringProperty measuredProperty() {
        return measured;
    }

    /** The latest stepped round in words: query, context, chosen arms, shown list with the clicks, rewards. */
    public StringProperty stepDetailsProperty() {
        return stepDetails;
    }

    /** The demo's closing card: the learned policy against the best single arm and uniform; empty otherwise. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** True when a reset would throw away rounds played (the view asks first). */
    public boolean runInProgress() {
        return runner != null && runner.rounds() > 0 && state.get() != State.IDLE;
    }

    /** Plays (from round 0 after a reset, else from where it paused) until the limit, a pause or a reset. */
    public void start() {
        switch (state.get()) {
            case RUNNING, PREPARING -> {
                return;
            }
            case FINISHED -> {
                long limit = settings.limitProperty().get();
                if (runner != null && runner.rounds() >= limit) {
                    message.set("reached " + limit + " rounds: raise the limit, step, or reset");
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
        long until = settings.limitProperty().get();
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
        demoNote = null;
        SimulationRunner r = runner;
        runner = null;
        if (r != null) {
            r.cancel();
        }
        demo.set(false);
        state.set(State.IDLE);
        charts.clear();
        contextWarning.set("");
        caption.set("");
        stepDetails.set("");
        summary.set("");
        recent.clear();
        measured.set("");
        String restored = "";
        if (saved != null) {
            settings.restore(saved);
            saved = null;
            restored = " (your settings from before the demo are back)";
        }
        message.set("reset: the next start plays a fresh world and policy from round 0" + restored);
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
        SimulationSettings.Run user = settings.run();
        String changed = settings.changesFor(scenarioName, DemoScript.POLICY, 0, DemoScript.ROUNDS);
        settings.scenarioProperty().set(scenarioName);
        settings.policyProperty().set(DemoScript.POLICY);
        settings.maxArmsProperty().set(0);
        settings.limitProperty().set(DemoScript.ROUNDS);
        boolean fastest = settings.fastestProperty().get();
        settings.fastestProperty().set(false);
        saved = user;
        demo.set(true);
        settings.speedProperty().set(script.speedAfter(0));
        caption.set(script.caption(null));
        demoNote = "demo: " + (changed.isEmpty() ? "" : "changed " + changed + "; ")
                + "the speed follows the script" + (fastest ? " (not as fast as possible)" : "")
                + ". Reset brings your settings back.";
        start();
        if (demoNote != null) {
            message.set(demoNote);
        }
    }

    private void applySpeed() {
        SimulationRunner r = runner;
        if (r != null) {
            r.setSpeed(settings.effectiveSpeed());
        }
    }

    /** Builds world and policy on the worker, then plays or steps. */
    private void prepare(int gen, boolean play) {
        SimulationSettings.Run run = settings.run();
        state.set(State.PREPARING);
        message.set("preparing " + run.scenario() + "…");
        worker.execute(() -> {
            SimulationRunner r;
            String warning;
            try {
                Scenario sc = sources.scenario(run.scenario());
                SimulatedWorld world = sources.world(sc, run.seed(), run.maxArms());
                SelectionPolicy p = sources.policy(run.policy(), run.seed(), world.featureNames());
                warning = p.contextWarning(world.featureNames()).orElse("");
                r = new SimulationRunner(world, p, WINDOW, SimulationRunner.DEFAULT_POINTS, nanoClock, null);
                r.setSpeed(run.speed());
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
                    contextWarning.set(warning);
                    applySpeed();
                    state.set(play ? State.RUNNING : State.PAUSED);
                    message.set((play ? "running" : "paused") + (demoNote == null ? "" : " — " + demoNote));
                    demoNote = null;
                }
            });
            if (play) {
                play(r, gen, run.limit());
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
            recent.clear();
            measured.set("");
            if (done && demo.get()) {
                SimulationSnapshot last = charts.snapshotProperty().get();
                if (last != null) {
                    summary.set(DemoScript.summary(last));
                }
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
                stepDetails.set(RoundDetails.describe(snap.last()));
            }
        });
    }

    /** Rounds per second over the snapshots of about the last second (at least half a second of them). */
    private void measure(long rounds) {
        long now = nanoClock.getAsLong();
        recent.addLast(new long[] {now, rounds});
        while (recent.size() > 2 && now - recent.peekFirst()[0] > 1_000_000_000L) {
            recent.removeFirst();
        }
        long[] first = recent.peekFirst();
        long span = now - first[0];
        if (span < 500_000_000L) {
            return;
        }
        measured.set(String.format(Locale.ROOT, "measured %,.0f rounds/s", (rounds - first[1]) * 1e9 / span));
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
        charts.show(snap, settings.limitProperty().get());
        if (state.get() == State.RUNNING) {
            measure(snap.roundsPlayed());
        }
        if (demo.get()) {
            caption.set(script.caption(snap));
            double next = script.speedAfter(snap.roundsPlayed());
            if (next != settings.speedProperty().get()) {
                settings.speedProperty().set(next);
            }
        }
    }
}
