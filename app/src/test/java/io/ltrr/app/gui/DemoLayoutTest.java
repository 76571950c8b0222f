package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.sim.SimulationSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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
 * Demo mode is projector-proof: at 1280×720 and at 1920×1080, with the larger type, no text of the main window is cut
 * to an ellipsis, neither on the Search tab with results (table cells and headers, selection and explanation panes,
 * status bar), nor on the Simulation tab after stepped rounds with the step read-out, the caption and the summary
 * card, nor on the Charts tab. Also the normal type at the normal window size. The whole window as in the app
 * (menus, simulation tab), headless Monocle with a 1920×1080 screen (see the pom).
 */
@ExtendWith(ApplicationExtension.class)
class DemoLayoutTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    ExecutorService worker;
    SimulationSources sources;
    SimulationViewModel sim;
    MainViewModel vm;
    MainView view;
    WorkbenchMenus menus;
    Stage stage;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir.resolve("w" + System.nanoTime()), true));
        runner = new FxBackgroundRunner(1);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ltrr-simulation-test");
            t.setDaemon(true);
            return t;
        });
        sources = new SimulationSources(service.dataDir(), ArmSettings.music());
        sim = new SimulationViewModel(sources, worker, runner, System::nanoTime);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        view = new MainView(vm, service, runner);
        Scene scene = new Scene(view, 1200, 760);
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

    @Test
    void demoModeAt1280x720CutsNoText(FxRobot robot) throws Exception {
        assertNoCutText(robot, 1280, 720, true);
    }

    @Test
    void demoModeAt1920x1080CutsNoText(FxRobot robot) throws Exception {
        assertNoCutText(robot, 1920, 1080, true);
    }

    @Test
    void theNormalTypeAtTheNormalWindowSizeCutsNoText(FxRobot robot) throws Exception {
        assertNoCutText(robot, 1480, 900, false);
    }

    private void assertNoCutText(FxRobot robot, double width, double height, boolean demo) throws Exception {
        waitUntil(() -> ready);
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            menus.demoModeProperty().set(demo);
        });
        List<String> cuts = new ArrayList<>();

        robot.interact(() -> {
            vm.queryProperty().set("love song");
            vm.search();
        });
        waitUntil(() -> !vm.rows().isEmpty() && !vm.selection().arms().isEmpty()
                && !vm.explain().provenance().isEmpty());
        robot.interact(() -> vm.click(vm.rows().getFirst()));
        waitUntil(() -> service.logCounts().get("clicks") == 1L);
        settle();
        cuts.addAll(check("Search", robot, 40));

        robot.interact(() -> {
            view.tabs().getSelectionModel().select(menus.simulationTab());
            sim.settings().scenarioProperty().set("synthetic-two-contexts");
        });
        for (int i = 1; i <= 5; i++) {
            robot.interact(sim::step);
            int round = i;
            waitUntil(() -> rounds() == round);
        }
        robot.interact(() -> {
            // what the scripted demo shows as it ends: its caption and the summary card, beside the step read-out
            SimulationSnapshot snap = sim.charts().snapshotProperty().get();
            sim.captionProperty().set(new DemoScript().caption(snap));
            sim.summaryProperty().set(DemoScript.summary(snap));
        });
        settle();
        assertThat(robot.lookup("#sim-summary").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#sim-step-details").queryLabeled().isVisible()).isTrue();
        cuts.addAll(check("Simulation", robot, 15));

        robot.interact(() -> view.tabs().getSelectionModel().select(view.tabs().getTabs().stream()
                .filter(t -> t.getText().equals("Charts")).findFirst().orElseThrow()));
        settle();
        cuts.addAll(check("Charts", robot, 8));

        assertThat(cuts).as("text cut short at %.0f×%.0f%s", width, height, demo ? " in demo mode" : "").isEmpty();
    }

    /** The cut texts of the window as shown now, each prefixed with the tab; the walk must see enough texts. */
    private List<String> check(String tab, FxRobot robot, long atLeast) throws Exception {
        List<String> cuts = WaitForAsyncUtils.asyncFx(() -> {
            assertThat(TruncatedText.countTexts(stage.getScene().getRoot())).as("texts seen on %s", tab)
                    .isGreaterThanOrEqualTo(atLeast);
            List<TruncatedText.Cut> found = new ArrayList<>(TruncatedText.find(stage.getScene().getRoot()));
            found.addAll(TruncatedText.offWindow(stage.getScene().getRoot()));
            return found.stream().map(c -> tab + ": " + c).toList();
        }).get(10, TimeUnit.SECONDS);
        cuts.forEach(System.err::println);
        return cuts;
    }

    private long rounds() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> sim.charts().chartDataProperty().get().rounds())
                .get(5, TimeUnit.SECONDS);
    }

    /** Two layout passes after the last change (a table sizes its columns once its cells are filled). */
    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
