package io.ltrr.app.gui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the simulation panel runs and how fast: the scenario, policy, arm budget, seed, round limit and speed
 * the user picks. Read on the UI thread; {@link #run()} freezes them for the worker.
 */
public final class SimulationSettings {
    private final ObservableList<String> scenarios = FXCollections.observableArrayList(SimulationSources.shipped());
    private final ObservableList<String> policies = FXCollections.observableArrayList(SimulationSources.policyIds());
    private final StringProperty scenario = new SimpleStringProperty(this, "scenario", "music-default");
    private final StringProperty policy = new SimpleStringProperty(this, "policy", "thompson");
    private final IntegerProperty maxArms = new SimpleIntegerProperty(this, "maxArms", 0);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final LongProperty limit = new SimpleLongProperty(this, "limit", 20_000);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 200);
    private final BooleanProperty fastest = new SimpleBooleanProperty(this, "fastest", false);

    /** The settings of one run, frozen when it is prepared. */
    record Run(String scenario, String policy, int maxArms, long seed, long limit, double speed) {
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

    /** Adds a scenario file to the picker and selects it. */
    public void addScenarioFile(String path) {
        if (!scenarios.contains(path)) {
            scenarios.add(path);
        }
        scenario.set(path);
    }

    /** Rounds per second the runner is paced at: infinite when as fast as possible, at least 0.1 otherwise. */
    double effectiveSpeed() {
        return fastest.get() ? Double.POSITIVE_INFINITY : Math.max(0.1, speed.get());
    }

    /** The current settings, for a run prepared on the worker. */
    Run run() {
        return new Run(scenario.get(), policy.get(), maxArms.get(), seed.get(), limit.get(), effectiveSpeed());
    }

    /** Puts back settings frozen by {@link #run()} (the demo restores the user's on reset). */
    void restore(Run run) {
        scenario.set(run.scenario());
        policy.set(run.policy());
        maxArms.set(run.maxArms());
        seed.set(run.seed());
        limit.set(run.limit());
        boolean asFast = Double.isInfinite(run.speed());
        fastest.set(asFast);
        if (!asFast) {
            speed.set(run.speed());
        }
    }

    /** What setting these values would change, in words ("Rounds 20,000 → 3,000"); empty when none. */
    String changesFor(String newScenario, String newPolicy, int newMaxArms, long newLimit) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!newScenario.equals(scenario.get())) {
            out.add("Scenario " + scenario.get() + " → " + newScenario);
        }
        if (!newPolicy.equals(policy.get())) {
            out.add("Policy " + policy.get() + " → " + newPolicy);
        }
        if (newMaxArms != maxArms.get()) {
            out.add("Max arms " + maxArms.get() + " → " + newMaxArms);
        }
        if (newLimit != limit.get()) {
            out.add(String.format(java.util.Locale.ROOT, "Rounds %,d → %,d", limit.get(), newLimit));
        }
        return String.join(", ", out);
    }
}
