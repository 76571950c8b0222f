package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The status bar's store label through the real window (headless Monocle) while a shared store goes away and comes
 * back: a real workbench whose store fails as an offline server does.
 */
@ExtendWith(ApplicationExtension.class)
class StoreStatusViewTest {
    private static final String SHARED = "store: postgresql://db.example:5432/ltrr (shared)";

    @TempDir
    static Path dir;
    StoreOutageService service;
    FxBackgroundRunner runner;
    MainViewModel vm;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        service = new StoreOutageService(new EngineWorkbenchService(GuiFixtures.workbench(
                dir.resolve("w" + System.nanoTime()), true)));
        runner = new FxBackgroundRunner(1);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        MainView view = new MainView(vm, service, runner);
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

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theLabelTurnsOfflineWhenAClickIsNotSavedAndBackOnceARetryReachesTheStore(FxRobot robot) throws Exception {
        Label store = robot.lookup("#store").queryAs(Label.class);
        waitUntil(() -> ready && SHARED.equals(store.getText()));
        assertThat(store.getStyleClass()).doesNotContain(StatusView.OFFLINE);
        robot.clickOn("#query").write("love song").type(KeyCode.ENTER);
        waitUntil(() -> vm.resultProperty().get() != null && !vm.rows().isEmpty());
        ResultRow first = vm.rows().getFirst();
        service.offline(true);

        robot.clickOn(robot.lookup("#results .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> vm.status().messageProperty().get().startsWith("⚠ "));

        assertThat(vm.status().messageProperty().get()).startsWith("⚠ click on #1 \"" + first.title()
                + "\" not saved: the feedback store ").doesNotContain("saved as");
        assertThat(first.feedbackProperty().get()).isEmpty();
        assertThat(store.getText()).isEqualTo("store offline — retrying");
        assertThat(store.getStyleClass()).contains(StatusView.OFFLINE);
        assertThat(store.getWidth()).as("the warning is not cut short").isGreaterThanOrEqualTo(store.prefWidth(-1));
        assertThat(store.getTooltip().getText()).isEqualTo(FakeWorkbenchService.OFFLINE);

        robot.type(KeyCode.DIGIT3);
        waitUntil(() -> vm.status().messageProperty().get().startsWith("⚠ rating 3"));
        assertThat(vm.status().messageProperty().get()).contains("not saved: ").doesNotContain("saved as");
        assertThat(vm.rows().getFirst().ratingProperty().get()).isNull();
        assertThat(robot.lookup("#results .grade-set").queryAll()).isEmpty();
        assertThat(service.logCounts()).containsEntry("clicks", 0L).containsEntry("ratings", 0L);

        // The server is back: the watch's next retry (a few seconds) finds it and the label returns.
        service.offline(false);
        waitUntil(() -> SHARED.equals(store.getText()));
        assertThat(store.getStyleClass()).doesNotContain(StatusView.OFFLINE);
    }
}
