package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.LogEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The main flows through the real window (headless Monocle) on a real workbench. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    MainView view;
    MainViewModel vm;
    volatile boolean ready;

    /** Smaller than Monocle's headless screen (1280×800): a larger window overflows its frame buffer. */
    @Start
    void start(Stage stage) throws Exception {
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir.resolve("w" + System.nanoTime()), true));
        runner = new FxBackgroundRunner(1);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        view = new MainView(vm, service, runner);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        view.open(() -> ready = true);
    }

    @AfterEach
    void close() {
        runner.close();
        service.close();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void search(FxRobot robot, String q) throws Exception {
        waitUntil(() -> ready);
        robot.clickOn("#query").write(q).type(KeyCode.ENTER);
        waitUntil(() -> vm.resultProperty().get() != null && !vm.rows().isEmpty());
    }

    @Test
    void aSearchShowsResultsWithArmChips(FxRobot robot) throws Exception {
        search(robot, "love song");
        TableView<?> results = robot.lookup("#results").queryAs(TableView.class);
        assertThat(results.getItems()).isNotEmpty();
        List<Label> chips = robot.lookup("#results .arm-chip").queryAllAs(Label.class).stream().toList();
        assertThat(chips).isNotEmpty();
        List<String> arms = vm.selection().arms().stream().map(SelectionViewModel.ArmRow::arm).toList();
        for (Label chip : chips) {
            String arm = arms.stream().filter(a -> ArmColors.code(a).equals(chip.getText())).findFirst().orElseThrow();
            assertThat(chip.getStyle()).contains(ArmColors.hex(arm));
            Node cell = chip.getParent().getParent();
            assertThat(cell.localToScene(cell.getBoundsInLocal()).getMaxX())
                    .as("chip %s is not clipped", chip.getText())
                    .isGreaterThanOrEqualTo(chip.localToScene(chip.getBoundsInLocal()).getMaxX());
        }
        assertThat(robot.lookup("#arms").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(robot.lookup("#features").queryAs(TableView.class).getItems()).isNotEmpty();
    }

    @Test
    void enterOnAResultIsAClickThatChangesTheSelectionPanel(FxRobot robot) throws Exception {
        search(robot, "love song");
        String before = robot.lookup("#learned").queryAs(Label.class).getText();
        assertThat(before).isEmpty();
        robot.clickOn(robot.lookup("#results .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#learned").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#learned").queryAs(Label.class).getText()).contains("the search counts once");
        assertThat(vm.selection().arms()).anySatisfy(a -> assertThat(a.reward()).isEqualTo(1.0));
        assertThat(service.logCounts()).containsEntry("clicks", 1L);
    }

    @Test
    void aHomeRowKeyRatesWithTheAnnotator(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        robot.interact(() -> vm.context().annotatorProperty().set("kim"));
        search(robot, "ambient");
        robot.clickOn(robot.lookup("#results .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.D);
        waitUntil(() -> service.logCounts().get("ratings") == 1L);
        robot.type(KeyCode.X);
        waitUntil(() -> service.logCounts().get("ratings") == 2L);
        List<LogEvent> ratings = service.recentEvents(10, LogEvent.Kind.RATING, null);
        assertThat(ratings).extracting(LogEvent::detail)
                .anySatisfy(d -> assertThat(d).startsWith("grade 2 by kim"))
                .anySatisfy(d -> assertThat(d).startsWith("can't tell by kim"));
    }

    @Test
    void theSelectionTableShowsEveryOfferedArmChosenFirstWithoutScrolling(FxRobot robot) throws Exception {
        search(robot, "love song");
        TableView<?> arms = robot.lookup("#arms").queryAs(TableView.class);
        List<SelectionViewModel.ArmRow> rows = vm.selection().arms();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
        long chosen = rows.stream().filter(SelectionViewModel.ArmRow::chosen).count();
        assertThat(rows.subList(0, (int) chosen)).allMatch(SelectionViewModel.ArmRow::chosen);
        assertThat(rows.subList((int) chosen, rows.size())).noneMatch(SelectionViewModel.ArmRow::chosen);
        long shownRows = robot.lookup("#arms .table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getItem() != null
                        && n.localToScene(n.getBoundsInLocal()).getMaxY()
                        <= arms.localToScene(arms.getBoundsInLocal()).getMaxY() + 0.5)
                .count();
        assertThat(shownRows).isEqualTo(rows.size());
    }

    @Test
    void theFeedbackLogFiltersOnTitlesAndSaysWhenNothingMatches(FxRobot robot) throws Exception {
        search(robot, "ambient");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> service.logCounts().get("clicks") == 1L);
        String title = vm.rows().getFirst().title();
        robot.clickOn("Feedback log").clickOn("#log-text").write(title.substring(0, 6).toLowerCase());
        TableView<?> log = robot.lookup("#log-table").queryAs(TableView.class);
        waitUntil(() -> log.getItems().size() == 1);
        assertThat(((LogViewModel.LogRow) log.getItems().getFirst()).title()).startsWith(title);
        robot.write("zzz");
        waitUntil(() -> log.getItems().isEmpty());
        assertThat(robot.lookup("#log-empty").queryAs(Label.class).getText()).startsWith("nothing matches the filter");
    }

    @Test
    void ctrlLFocusesTheQueryBar(FxRobot robot) throws Exception {
        search(robot, "love song");
        robot.clickOn(robot.lookup("#results .table-row-cell").nth(0).queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#query").queryAs(TextField.class).isFocused()).isTrue();
    }
}
