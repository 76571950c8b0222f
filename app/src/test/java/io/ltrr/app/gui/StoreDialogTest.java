package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.retrieval.ArmSettings;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Feedback store… through the real window (headless Monocle) over a fake workbench. */
@ExtendWith(ApplicationExtension.class)
class StoreDialogTest {
    private static final StoreChoice SHARED = StoreChoice.parse("postgresql://db.example:5432/ltrr", "kim", null);

    final FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded());
    FxBackgroundRunner runner;
    ExecutorService worker;
    SimulationSources sources;
    MainViewModel vm;
    volatile boolean ready;

    @Start
    void start(Stage stage) {
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
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean dialogShown(FxRobot robot) {
        return robot.lookup("#store-dialog").tryQuery().isPresent();
    }

    private Label store(FxRobot robot) {
        return robot.lookup("#store").queryAs(Label.class);
    }

    /** Alt+F opens the File menu; Down, Down, Enter its Feedback store… item (the second). */
    private void openByKeyboard(FxRobot robot, String label) throws Exception {
        waitUntil(() -> ready && label.equals(store(robot).getText()));
        robot.press(KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> dialogShown(robot));
    }

    @Test
    void theDialogOpensOnTheFoldersH2StoreWithAPasswordFileAndNoPasswordField(FxRobot robot) throws Exception {
        openByKeyboard(robot, "store: this folder (H2)");

        assertThat(robot.lookup("#store-h2").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#store-url").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#store-password-file").queryAs(TextField.class).getPromptText())
                .isEqualTo("none: $LTRR_STORE_PASSWORD");
        assertThat(robot.lookup("#store-password-note").queryAs(Label.class).getText())
                .isEqualTo("password: from the password file, else $LTRR_STORE_PASSWORD — never stored");
        assertThat(robot.lookup("#store-dialog").queryAs(DialogPane.class).lookupAll(".password-field")).isEmpty();

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !dialogShown(robot));
        assertThat(service.storeSwitches).isEmpty();
    }

    @Test
    void aBadUrlSaysWhyInOneLineAndAValidOneSwitchesTheStore(FxRobot robot) throws Exception {
        openByKeyboard(robot, "store: this folder (H2)");
        robot.clickOn("#store-postgresql");
        robot.clickOn("#store-url").write("db.example:5432/ltrr");
        robot.clickOn("#store-user").write("kim");
        robot.clickOn("#store-ok");
        Label error = robot.lookup("#store-error").queryAs(Label.class);
        waitUntil(error::isVisible);
        assertThat(error.getText()).isEqualTo("URL: expected postgresql://host:port/database or "
                + "jdbc:postgresql://host:port/database");
        assertThat(dialogShown(robot)).isTrue();
        assertThat(service.storeSwitches).isEmpty();

        robot.interact(() -> robot.lookup("#store-url").queryAs(TextField.class)
                .setText("postgresql://db.example:5432/ltrr"));
        robot.clickOn("#store-ok");
        waitUntil(() -> !dialogShown(robot));

        assertThat(service.storeSwitches).containsExactly(SHARED);
        assertThat(store(robot).getText()).isEqualTo("store: postgresql://db.example:5432/ltrr (shared)");
        assertThat(vm.status().messageProperty().get()).startsWith("feedback is now saved in "
                + "postgresql://db.example:5432/ltrr as kim");
    }

    @Test
    void choosingTheFoldersH2StoreAgainSwitchesBack(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        service.storeOn(SHARED);
        robot.interact(() -> vm.status().checkStore(runner, () -> { }));
        openByKeyboard(robot, "store: postgresql://db.example:5432/ltrr (shared)");
        assertThat(robot.lookup("#store-postgresql").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#store-url").queryAs(TextField.class).getText())
                .isEqualTo("postgresql://db.example:5432/ltrr");

        robot.clickOn("#store-h2");
        robot.clickOn("#store-ok");
        waitUntil(() -> !dialogShown(robot));

        assertThat(service.storeSwitches).containsExactly(StoreChoice.h2());
        assertThat(store(robot).getText()).isEqualTo("store: this folder (H2)");
    }
}
