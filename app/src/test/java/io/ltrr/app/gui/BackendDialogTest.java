package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.retrieval.ArmSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
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

/** File ▸ Retrieval backend… through the real window (headless Monocle) on a real workbench. */
@ExtendWith(ApplicationExtension.class)
class BackendDialogTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    ExecutorService worker;
    SimulationSources sources;
    MainViewModel vm;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        service = new EngineWorkbenchService(GuiFixtures.workbench(dir.resolve("w" + System.nanoTime()), true));
        runner = new FxBackgroundRunner(1);
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ltrr-simulation-test");
            t.setDaemon(true);
            return t;
        });
        sources = new SimulationSources(service.dataDir(), ArmSettings.music());
        SimulationViewModel sim = new SimulationViewModel(sources, worker, runner, System::nanoTime);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        MainView view = new MainView(vm, service, runner);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        view.installShortcuts(scene);
        WorkbenchMenus.install(scene, view, sim);
        stage.setScene(scene);
        stage.show();
        view.open(() -> ready = true);
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        sources.close();
        runner.close();
        service.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean dialogShown(FxRobot robot) {
        return robot.lookup("#backend-dialog").tryQuery().isPresent();
    }

    /** Alt+F opens the File menu; Down, Enter its Retrieval backend… item (Monocle passes no mnemonics to menus). */
    private void openByKeyboard(FxRobot robot) throws Exception {
        waitUntil(() -> ready && "embedded index".equals(vm.status().backendProperty().get()));
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> dialogShown(robot));
    }

    @Test
    void theDialogOpensFromTheFileMenuByKeyboardFilledFromTheFolderAndEscCancelsIt(FxRobot robot) throws Exception {
        openByKeyboard(robot);
        assertThat(robot.lookup("#backend-embedded").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#backend-url").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#backend-index").queryAs(TextField.class).getPromptText()).isEqualTo("ltrr-catalog");
        assertThat(robot.lookup("#backend-password-note").queryAs(Label.class).getText())
                .isEqualTo("password: from the password file, else $LTRR_OPENSEARCH_PASSWORD — never stored");
        assertThat(robot.lookup("#backend-dialog").queryAs(DialogPane.class).lookupAll(".password-field")).isEmpty();

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialogShown(robot));

        assertThat(service.backend()).isEqualTo(BackendChoice.embedded());
        assertThat(vm.status().backendProperty().get()).isEqualTo("embedded index");
    }

    @Test
    void aBadUrlAndAnUnreachableClusterEachSayWhyInTheDialogAndTheFolderStaysEmbedded(FxRobot robot)
            throws Exception {
        openByKeyboard(robot);
        robot.clickOn("#backend-opensearch");
        robot.clickOn("#backend-url").write("localhost:9200");
        robot.clickOn("#backend-ok");
        Label error = robot.lookup("#backend-error").queryAs(Label.class);
        waitUntil(() -> error.isVisible());
        assertThat(error.getText()).isEqualTo("URL: expected http:// or https://, was 'localhost'");

        // Nothing listens on port 1: the engine's attempt fails at once, and the window stays responsive.
        robot.interact(() -> robot.lookup("#backend-url").queryAs(TextField.class).setText("http://127.0.0.1:1"));
        robot.clickOn("#backend-ok");
        waitUntil(() -> !error.getText().startsWith("URL:") && !error.getText().isEmpty());
        assertThat(error.getText()).startsWith("cannot reach OpenSearch at http://127.0.0.1:1").doesNotContain("\n");
        assertThat(dialogShown(robot)).isTrue();
        assertThat(service.backend()).isEqualTo(BackendChoice.embedded());
        assertThat(vm.status().backendProperty().get()).isEqualTo("embedded index");
        assertThat(vm.status().messageProperty().get()).startsWith("retrieval backend not changed: ");

        robot.clickOn("#backend-cancel");
        waitUntil(() -> !dialogShown(robot));
    }
}
