package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.retrieval.ArmSettings;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The simulation panel through the real window (headless Monocle): start, pause, step and reset move the charts as
 * they should, demo mode toggles from the keyboard, and the UI thread stays free while a simulation runs. Runs the
 * synthetic-two-contexts scenario (no catalog needed), on the simulation's own worker thread as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class SimulationWindowTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    FxWorkProbe probe;
    ExecutorService worker;
    SimulationSources sources;
    SimulationViewModel sim;
    MainView view;
    WorkbenchMenus menus;
    Scene scene;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        Path data = dir.resolve("w" + System.nanoTime());
        service = new EngineWorkbenchService(GuiFixtures.workbench(data, true));
        runner = new FxBackgroundRunner(1);
        probe = new FxWorkProbe(runner);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ltrr-simulation-test");
            t.setDaemon(true);
            return t;
        });
        sources = new SimulationSources(service.dataDir(), ArmSettings.music());
        sim = new SimulationViewModel(sources, worker, probe, System::nanoTime);
        MainViewModel vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        view = new MainView(vm, service, runner);
        scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        view.installShortcuts(scene);
        menus = WorkbenchMenus.install(scene, view, sim);
        stage.setScene(scene);
        stage.show();
        view.open(() -> ready = true);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(sim::reset).get(5, TimeUnit.SECONDS);
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        sources.close();
        runner.close();
        service.close();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows the simulation tab with the synthetic scenario, a high limit and the given speed. */
    private void prepare(FxRobot robot, double speed, boolean fastest) throws Exception {
        waitUntil(() -> ready);
        robot.interact(() -> {
            view.tabs().getSelectionModel().select(menus.simulationTab());
            sim.settings().scenarioProperty().set("synthetic-two-contexts");
            sim.settings().policyProperty().set("thompson");
            sim.settings().limitProperty().set(1_000_000); // the rounds field's maximum
            sim.settings().speedProperty().set(speed);
            sim.settings().fastestProperty().set(fastest);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ChartsView charts() {
        return menus.simulationView().charts();
    }

    private long rounds() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> sim.charts().chartDataProperty().get().rounds()).get(5, TimeUnit.SECONDS);
    }

    private int shownPoints() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> charts().shownPoints()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void startMovesTheChartsPauseStopsThemStepAddsOneRoundResetClears(FxRobot robot) throws Exception {
        prepare(robot, 100, false);
        robot.clickOn("#sim-start");
        waitUntil(() -> shownPoints() >= 2);
        int gained = shownPoints();
        waitUntil(() -> shownPoints() > gained);
        assertThat(sim.stateProperty().get()).isEqualTo(SimulationViewModel.State.RUNNING);

        robot.clickOn("#sim-start"); // now "Pause"
        waitUntil(() -> sim.stateProperty().get() == SimulationViewModel.State.PAUSED);
        assertThat(robot.lookup("#sim-start").queryButton().getText()).contains("Resume");
        long pausedAt = rounds();
        int points = shownPoints();
        long updates = charts().updates();
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rounds()).as("no rounds while paused").isEqualTo(pausedAt);
        assertThat(shownPoints()).isEqualTo(points);
        assertThat(charts().updates()).as("no redraws while paused").isEqualTo(updates);

        robot.clickOn("#sim-step");
        waitUntil(() -> rounds() == pausedAt + 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(rounds()).as("a step is one round").isEqualTo(pausedAt + 1);
        assertThat(sim.stateProperty().get()).isEqualTo(SimulationViewModel.State.PAUSED);
        javafx.scene.control.Label details = robot.lookup("#sim-step-details").queryAs(javafx.scene.control.Label.class);
        assertThat(details.isVisible()).isTrue();
        assertThat(details.getText()).contains("Round " + String.format(java.util.Locale.ROOT, "%,d", pausedAt + 1))
                .contains("Chosen arms: ");

        robot.type(KeyCode.F5); // one-key reset: a run is in progress, so it asks first
        waitUntil(() -> robot.lookup("#sim-reset-confirm").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sim.stateProperty().get()).as("cancelled: the run stays").isEqualTo(SimulationViewModel.State.PAUSED);
        assertThat(rounds()).isEqualTo(pausedAt + 1);
        robot.clickOn("#sim-reset");
        waitUntil(() -> robot.lookup("#sim-reset-confirm").tryQuery().isPresent());
        robot.clickOn("OK");
        waitUntil(() -> sim.stateProperty().get() == SimulationViewModel.State.IDLE);
        assertThat(shownPoints()).isZero();
        assertThat(rounds()).isZero();
        robot.clickOn("#sim-step");
        waitUntil(() -> rounds() == 1);
        assertThat(shownPoints()).as("a fresh run from round 1").isEqualTo(1);
    }

    /**
     * The probe: while a simulation runs as fast as it can for about three seconds, every piece of work the app
     * runs on the UI thread for it takes less than 100 ms. {@link FxWorkProbe} wraps each runnable the panel posts
     * to the UI thread (each snapshot handed over, with the chart redraw its listener does) and times it in the UI
     * thread's CPU time: the app's own work, not the time the thread waited for a core. On a loaded 2-core machine
     * (and with the simulation itself burning a core) the wall time of the same work also counts other
     * processes, so it and the gaps between pulses (an AnimationTimer heartbeat) are printed, not asserted.
     * Twenty stepped rounds warm up first: the first chart draws of a JVM load and interpret JFreeChart's
     * renderers once.
     */
    @Test
    void theUiThreadIsNeverBusyForLongWhileASimulationRuns(FxRobot robot) throws Exception {
        prepare(robot, 1, true);
        AtomicLong maxGap = new AtomicLong();
        AnimationTimer heartbeat = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    maxGap.accumulateAndGet(now - last, Math::max);
                }
                last = now;
            }
        };
        for (int i = 1; i <= 20; i++) {
            robot.interact(sim::step);
            int round = i;
            waitUntil(() -> rounds() == round);
        }
        robot.interact(() -> {
            probe.clear();
            heartbeat.start();
        });
        robot.clickOn("#sim-start");
        waitUntil(() -> rounds() > 0);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        robot.interact(sim::pause);
        // the rounds field tops out at 1,000,000, which a fast machine plays within the 3 s: finished counts too
        waitUntil(() -> sim.stateProperty().get() == SimulationViewModel.State.PAUSED
                || sim.stateProperty().get() == SimulationViewModel.State.FINISHED);
        robot.interact(heartbeat::stop);
        System.err.printf(java.util.Locale.ROOT,
                "FX probe: %d UI updates for %,d rounds; app work on the UI thread: max %.1f ms CPU, max %.1f ms wall,"
                        + " mean %.2f ms wall; pulse gap max %.1f ms%n",
                probe.count(), rounds(), probe.maxCpuMillis(), probe.maxMillis(), probe.meanMillis(),
                maxGap.get() / 1e6);
        assertThat(probe.count()).as("the charts updated while it ran").isGreaterThanOrEqualTo(5);
        assertThat(probe.maxCpuMillis()).as("longest piece of app work on the UI thread, ms of CPU").isLessThan(100);
        assertThat(charts().shownPoints()).isPositive();
    }

    @Test
    void theContextWarningShowsAboveTheChartsUntilReset(FxRobot robot) throws Exception {
        prepare(robot, 100, false);
        robot.interact(() -> sim.settings().scenarioProperty().set("synthetic-three-contexts-renamed"));
        robot.clickOn("#sim-step");
        waitUntil(() -> rounds() == 1);
        javafx.scene.control.Label warning = robot.lookup("#sim-context-warning").queryAs(javafx.scene.control.Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("⚠ policy 'thompson' buckets on").contains("bucketFeatures");
        assertThat(warning.getHeight()).isPositive();
        robot.interact(sim::reset);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warning.isVisible()).isFalse();
    }

    @Test
    void everySimulationFieldHasATooltip(FxRobot robot) throws Exception {
        prepare(robot, 100, false);
        for (String id : java.util.List.of("#sim-scenario", "#sim-open", "#sim-policy", "#sim-max-arms", "#sim-limit",
                "#sim-seed", "#sim-start", "#sim-step", "#sim-reset", "#sim-demo", "#sim-speed", "#sim-measured",
                "#sim-fastest", "#sim-progress")) {
            javafx.scene.control.Control c = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertThat(c.getTooltip()).as(id).isNotNull();
            assertThat(c.getTooltip().getText()).as(id).isNotBlank();
        }
        assertThat(robot.lookup("#sim-max-arms").queryAs(javafx.scene.control.Control.class).getTooltip().getText())
                .contains("0 = the scenario's default");
    }

    @Test
    void roundAxesTickOnWholeRoundsWithRoomForTheLastLabel(FxRobot robot) throws Exception {
        prepare(robot, 100, true);
        robot.interact(() -> sim.settings().limitProperty().set(1_600));
        robot.clickOn("#sim-start");
        waitUntil(() -> sim.stateProperty().get() == SimulationViewModel.State.FINISHED);
        org.jfree.chart.axis.NumberAxis axis = WaitForAsyncUtils.asyncFx(() -> charts().roundAxis()).get(5,
                TimeUnit.SECONDS);
        org.jfree.chart.axis.TickUnitSource units = axis.getStandardTickUnits();
        // whatever size the axis picks, near 1 or near 1,600, its tick unit is a whole number of rounds
        for (double size : new double[] {0.3, 1.7, 47, 1_600}) {
            double unit = units.getCeilingTickUnit(size).getSize();
            assertThat(unit % 1).as("tick unit for %s", size).isZero();
        }
        assertThat(((org.jfree.chart.axis.NumberTickUnit) units.getCeilingTickUnit(200)).valueToString(1600))
                .isEqualTo("1,600");
        org.jfree.data.xy.XYSeriesCollection perRound = WaitForAsyncUtils.asyncFx(() -> charts().series("per-round"))
                .get(5, TimeUnit.SECONDS);
        assertThat(perRound.getSeriesCount()).isEqualTo(1);
        assertThat((String) perRound.getSeriesKey(0)).startsWith("regret per round, mean of the last");
        assertThat(perRound.getItemCount(0)).isPositive();
        assertThat(WaitForAsyncUtils.asyncFx(() -> charts().series("ctr").getSeriesCount()).get(5, TimeUnit.SECONDS))
                .isEqualTo(3);
    }

    @Test
    void aSearchMadeWhileTheSimulationIsShownBringsTheSearchTabForward(FxRobot robot) throws Exception {
        prepare(robot, 100, false);
        robot.clickOn("#sim-start");
        robot.clickOn("#query").write("trip hop");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> view.tabs().getSelectionModel().getSelectedItem().getText().equals("Search"));
        assertThat(sim.stateProperty().get()).as("the simulation keeps running").isIn(
                SimulationViewModel.State.RUNNING, SimulationViewModel.State.PREPARING);
    }

    @Test
    void ctrlDTogglesDemoMode(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        assertThat(scene.getRoot().getStyleClass()).doesNotContain("demo");
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getStyleClass()).contains("demo");
        assertThat(menus.demoModeProperty().get()).isTrue();
        CheckMenuItem item = (CheckMenuItem) menus.bar().getMenus().stream().filter(m -> "View".equals(m.getText()))
                .findFirst().orElseThrow().getItems().getFirst();
        assertThat(item.isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot().getStyleClass()).doesNotContain("demo");
    }

    @Test
    void theWindowHasOneMenuBarWithFileViewSimulationAndAnalysis() throws Exception {
        waitUntil(() -> ready);
        assertThat(menus.bar().getMenus()).extracting(javafx.scene.control.Menu::getText)
                .containsExactly("_File", "View", "Simulation", "Analysis");
        assertThat(scene.getRoot().lookupAll(".menu-bar")).hasSize(1);
    }
}
