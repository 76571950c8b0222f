package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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

/**
 * Judging from the keyboard in the real window (headless Monocle): Enter searches and puts the focus on the first
 * result, ↓ moves, a digit rates and moves on to the next unrated row, and the grade is there again after a restart
 * on the same data folder.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardJudgingTest {
    @TempDir
    static Path dir;
    Stage stage;
    /** Each test's own data folder (the temporary directory is shared by the class). */
    Path folder;
    WorkbenchService service;
    FxBackgroundRunner runner;
    MainViewModel vm;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = dir.resolve("f" + System.nanoTime());
        open(folder);
        stage.show();
    }

    /** (Re)opens the window's content on the data folder under {@code folder}, as a restart of the app does. */
    private void open(Path folder) throws Exception {
        ready = false;
        service = new EngineWorkbenchService(GuiFixtures.workbench(folder, true));
        runner = new FxBackgroundRunner(1);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        MainView view = new MainView(vm, service, runner);
        view.apply(GuiSettings.defaults());
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        view.installShortcuts(scene);
        stage.setScene(scene);
        view.open(() -> ready = true);
    }

    @AfterEach
    void close() {
        runner.close();
        service.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<?> results(FxRobot robot) {
        return robot.lookup("#results").queryAs(TableView.class);
    }

    private void search(FxRobot robot, String q) throws Exception {
        waitUntil(() -> ready);
        robot.clickOn("#query").write(q).type(KeyCode.ENTER);
        waitUntil(() -> vm.resultProperty().get() != null && vm.rows().size() >= 3 && results(robot).isFocused());
    }

    private List<String> chipTexts(FxRobot robot, String styleClass) {
        return robot.lookup("#results ." + styleClass).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void enterDownThreeRatesTheSecondResultMovesOnAndTheGradeSurvivesARestart(FxRobot robot) throws Exception {
        search(robot, "ambient");
        assertThat(results(robot).getSelectionModel().getSelectedIndex()).isZero();
        assertThat(robot.lookup("#query").queryAs(TextField.class).getText()).isEqualTo("ambient");
        String rated = vm.rows().get(1).itemId();

        robot.type(KeyCode.DOWN).type(KeyCode.DIGIT3);
        waitUntil(() -> service.logCounts().get("ratings") == 1L);
        assertThat(robot.lookup("#query").queryAs(TextField.class).getText()).isEqualTo("ambient");
        assertThat(results(robot).getSelectionModel().getSelectedIndex()).isEqualTo(2);
        assertThat(vm.rows().get(1).ratingProperty().get()).isEqualTo(new ResultRow.Rated(3, false));
        assertThat(chipTexts(robot, "grade-set")).containsExactly("3 perfect");

        robot.interact(() -> {
            runner.close();
            service.close();
        });
        robot.interact(() -> {
            try {
                open(folder);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        search(robot, "ambient");
        ResultRow again = vm.rows().stream().filter(r -> r.itemId().equals(rated)).findFirst().orElseThrow();
        waitUntil(() -> !again.earlierProperty().get().isEmpty());
        assertThat(again.shown("analyst")).contains(new ResultRow.Rated(3, true));
        assertThat(chipTexts(robot, "grade-earlier")).containsExactly("3 perfect");
        assertThat(chipTexts(robot, "grade-set")).isEmpty();
    }

    @Test
    void jkMoveSpaceClicksAndEscGoesBackToTheQuery(FxRobot robot) throws Exception {
        search(robot, "ambient");
        robot.type(KeyCode.J).type(KeyCode.J).type(KeyCode.K);
        assertThat(results(robot).getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> service.logCounts().get("clicks") == 1L);
        robot.type(KeyCode.X);
        waitUntil(() -> service.logCounts().get("ratings") == 1L);
        assertThat(chipTexts(robot, "grade-set")).containsExactly("? can't tell");
        assertThat(results(robot).getSelectionModel().getSelectedIndex()).isEqualTo(2);
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rating .grade-set").queryAs(Label.class).getText()).isEqualTo("? can't tell");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#query").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void aClickOnAGradeChipRatesWithTheMouse(FxRobot robot) throws Exception {
        search(robot, "ambient");
        Label zero = robot.lookup("#results .grade-0").queryAllAs(Label.class).iterator().next();
        robot.clickOn(zero);
        waitUntil(() -> service.logCounts().get("ratings") == 1L);
        assertThat(chipTexts(robot, "grade-set")).containsExactly("0 irrelevant");
    }
}
