package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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

/** Closing the main window closes the analysis windows and releases the data folder (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowLifecycleTest {
    @TempDir
    static Path dir;
    Path folder;
    Stage stage;
    MainView view;
    WorkbenchService service;
    FxBackgroundRunner runner;
    volatile boolean ready;
    volatile boolean released;

    @Start
    void start(Stage stage) throws Exception {
        Platform.setImplicitExit(false); // the test's toolkit outlives the closed main window
        this.stage = stage;
        folder = dir.resolve("w" + System.nanoTime());
        service = new EngineWorkbenchService(GuiFixtures.workbench(folder, true));
        runner = new FxBackgroundRunner(1);
        view = new MainView(new MainViewModel(service, runner, GuiFixtures.NOON), service, runner);
        view.closeWith(stage, () -> {
            runner.close();
            service.close();
            released = true;
        });
        Scene scene = new Scene(view, 1000, 600);
        Theme.apply(scene, false);
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
    void closingTheMainWindowClosesTheLeaderboardAndReleasesTheDataFolder(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        assertThatThrownBy(() -> GuiFixtures.workbench(folder, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        robot.clickOn("Analysis").clickOn("Off-policy leaderboard…");
        waitUntil(() -> view.analysis().open().size() == 1);
        Stage leaderboard = view.analysis().open().getFirst();
        assertThat(leaderboard.getOwner()).isSameAs(stage);

        robot.interact(stage::close);
        waitUntil(() -> released);
        assertThat(leaderboard.isShowing()).isFalse();
        assertThat(view.analysis().open()).isEmpty();
        try (Workbench again = GuiFixtures.workbench(folder, false)) {
            assertThat(again.config().dataDir()).isEqualTo(folder.resolve("data"));
        }
    }
}
