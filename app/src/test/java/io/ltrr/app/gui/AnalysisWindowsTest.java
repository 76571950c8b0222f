package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The Analysis menu of the main window (headless Monocle): each item opens its window over the workbench's log,
 * which computes in the background and fills in. Screenshots go to app/target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisWindowsTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    Workbench workbench;
    FxBackgroundRunner runner;
    volatile boolean ready;

    @Start
    void start(Stage stage) throws Exception {
        Workbench wb = GuiFixtures.workbench(dir.resolve("w" + System.nanoTime()), true);
        workbench = wb;
        String[] queries = {"love song", "orange horizon", "quiet morning", "tokyo rain", "bass weight", "avalon"};
        int[][] grades = {{3, 2, 0, 1, 3, 0}, {3, 2, 1, 1, 0, 0}, {3, 1, 1, 1, 0, 0}};
        String[] annotators = {"alice", "bob", "carol"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < queries.length; i++) {
                SearchResult r = wb.search(queries[i], SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
                String top = r.results().getFirst().itemId();
                if (round == 0) {
                    for (int a = 0; a < annotators.length; a++) {
                        wb.rate(r.searchId(), top, grades[a][i], annotators[a]);
                    }
                } else if (i % 2 == 0) {
                    wb.click(r.searchId(), top);
                }
            }
        }
        service = new EngineWorkbenchService(wb);
        runner = new FxBackgroundRunner(1);
        MainView view = new MainView(new MainViewModel(service, runner, GuiFixtures.NOON), service, runner);
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

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void screenshot(FxRobot robot, String lookup, String name) {
        Scene scene = robot.lookup(lookup).query().getScene();
        robot.interact(() -> Screenshots.write(scene, Path.of("target", "screenshots", name)));
    }

    @Test
    void theLeaderboardOpensFromTheMenuAndRanksEveryPolicyAndArm(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        screenshot(robot, "#analysis-menu", "main-window-analysis-menu.png");
        robot.clickOn("Analysis").clickOn("Off-policy leaderboard…");
        waitUntil(() -> robot.lookup("#ope-table").tryQuery().isPresent()
                && !robot.lookup("#ope-table").queryAs(TableView.class).getItems().isEmpty());
        TableView<?> table = robot.lookup("#ope-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(workbench.policyIds().size() + workbench.armIds().size());
        // 18 searches, but the first six got only annotators' ratings, which do not train the live policy by
        // default: they close without a pull and are no round of the policy (ADR 0009).
        assertThat(robot.lookup("#ope-status").queryAs(Label.class).getText()).contains("12 logged searches");
        screenshot(robot, "#ope-table", "ope-leaderboard.png");
    }

    @Test
    void theAgreementWindowShowsTheKappas(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        robot.clickOn("Analysis").clickOn("Annotator agreement…");
        waitUntil(() -> robot.lookup("#agreement-fleiss").tryQuery().isPresent()
                && !robot.lookup("#agreement-fleiss").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#agreement-fleiss").queryAs(Label.class).getText()).isEqualTo("0.534");
        assertThat(robot.lookup("#agreement-shared").queryAs(Label.class).getText()).isEqualTo("6");
        assertThat(robot.lookup("#agreement-pairs").queryAs(TableView.class).getItems()).hasSize(3);
        screenshot(robot, "#agreement-pairs", "agreement.png");
    }
}
