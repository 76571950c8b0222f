package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.retrieval.DenseStrategy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start on an empty folder whose index wants vectors (ADR 0013), through the real window and engine
 * (headless Monocle): the indexing card hands over to the search view after the lexical index, while the vectors
 * are still to come; a search runs then without the dense arm; the status bar shows the embedding until it is
 * complete, and the next search offers {@code dense}. The embedding is held at its start until the test has seen
 * the window searchable, so nothing depends on how fast the machine embeds.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartHandOverTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    MainViewModel vm;
    MainView view;
    final CountDownLatch embeddingMayStart = new CountDownLatch(1);
    volatile boolean ready;

    static WorkbenchService real;

    /** Opened before the window (opening the store is slow on a loaded machine; the window's setup has a timeout). */
    @BeforeAll
    static void openWorkbench() throws Exception {
        real = new EngineWorkbenchService(GuiFixtures.workbench(dir.resolve("w" + System.nanoTime()), false, true));
    }

    @Start
    void start(Stage stage) throws Exception {
        // The real service, except that the background embedding waits for the test's go.
        service = (WorkbenchService) Proxy.newProxyInstance(WorkbenchService.class.getClassLoader(),
                new Class<?>[] {WorkbenchService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("embedVectors")) {
                        embeddingMayStart.await(60, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        runner = new FxBackgroundRunner(1);
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        view = new MainView(vm, service, runner);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        view.open(() -> ready = true);
    }

    @AfterEach
    void close() {
        embeddingMayStart.countDown();
        runner.close();
        service.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSearchViewOpensAfterTheLexicalIndexAndTheStatusBarShowsTheEmbeddingUntilDenseJoins(FxRobot robot)
            throws Exception {
        waitUntil(() -> ready);
        assertThat(view.getCenter()).isInstanceOf(TabPane.class);
        Node indicator = robot.lookup("#embedding").query();
        waitUntil(indicator::isVisible); // the embedding starts behind the window's first calls
        assertThat(view.getCenter()).as("and the search view stays").isInstanceOf(TabPane.class);
        assertThat(robot.lookup("#embedding-text").queryAs(Label.class).getText()).startsWith("embeddings");

        robot.interact(() -> {
            vm.queryProperty().set("love song");
            vm.search();
        });
        waitUntil(() -> vm.resultProperty().get() != null);
        SearchResult before = vm.resultProperty().get();
        assertThat(before.selection().propensity()).containsKey("bm25").doesNotContainKey(DenseStrategy.ID);

        embeddingMayStart.countDown();
        waitUntil(() -> !indicator.isVisible());
        assertThat(vm.status().messageProperty().get()).contains("the dense arm is offered from the next search");

        robot.interact(() -> {
            vm.queryProperty().set("quiet ambient morning");
            vm.search();
        });
        waitUntil(() -> vm.resultProperty().get() != null && vm.resultProperty().get() != before
                && vm.resultProperty().get().query().equals("quiet ambient morning"));
        assertThat(vm.resultProperty().get().selection().propensity()).containsKey(DenseStrategy.ID);
    }
}
