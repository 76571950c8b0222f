package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.retrieval.ArmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
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
 * Analysis ▸ Query sets… and Compare… in the real main window (headless Monocle) on the ten-item catalog: a set
 * from a file, judge next (the query runs in the main window), a run with its progress and chart point, and the
 * comparison's arrows and Jaccard. Screenshots go to app/target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class QueryWindowsTest {
    @TempDir
    static Path dir;
    WorkbenchService service;
    FxBackgroundRunner runner;
    ExecutorService worker;
    SimulationSources sources;
    MainViewModel vm;
    MainView view;
    QueryWindows windows;
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
        view = new MainView(vm, service, runner);
        Scene scene = new Scene(view, 1200, 760);
        Theme.apply(scene, false);
        WorkbenchMenus menus = WorkbenchMenus.install(scene, view, sim);
        windows = new QueryWindows(service.querySetSource().orElseThrow(), view, QueryWindows.opener(vm, view),
                "test");
        menus.addQueryWindows(windows);
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableView<?> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static void screenshot(FxRobot robot, String lookup, String name) {
        Scene scene = robot.lookup(lookup).query().getScene();
        robot.interact(() -> Screenshots.write(scene, Path.of("target", "screenshots", name)));
    }

    /** Opens the query-set window from the menu and creates "mine" of typed queries. */
    private void typedSet(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        robot.clickOn("Analysis").clickOn("Query sets…");
        waitUntil(() -> robot.lookup("#queryset-typed").tryQuery().isPresent());
        robot.clickOn("#queryset-name").write("mine");
        robot.interact(() -> windows.querySetViewModel().typedProperty().set("avalon\nlove song\ntokyo rain"));
        robot.clickOn("#queryset-create-typed");
        waitUntil(() -> table(robot, "#queryset-queries").getItems().size() == 3);
    }

    @Test
    void aSetCreatedFromAFileListsItsQueriesAndTheLinesItSkipped(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        Path file = dir.resolve("evening.txt");
        Files.writeString(file, "love song\navalon\nlove song\nquiet morning\n");
        robot.clickOn("Analysis").clickOn("Query sets…");
        waitUntil(() -> robot.lookup("#queryset-sets").tryQuery().isPresent());
        robot.interact(() -> windows.querySetViewModel().importFile(file));
        waitUntil(() -> table(robot, "#queryset-queries").getItems().size() == 3);
        assertThat(robot.lookup("#queryset-sets").queryAs(ListView.class).getItems()).containsExactly("evening");
        ListView<?> problems = robot.lookup("#queryset-problems").queryAs(ListView.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getItems()).singleElement().asString().contains("evening.txt:3:");
        assertThat(robot.lookup("#queryset-status").queryAs(Label.class).getText())
                .startsWith("created 'evening': 3 queries");
    }

    @Test
    void judgeNextRunsTheFirstUnjudgedQueryInTheMainWindow(FxRobot robot) throws Exception {
        typedSet(robot);
        robot.clickOn("#queryset-judge-next");
        waitUntil(() -> "avalon".equals(vm.queryProperty().get()) && vm.judgeRowProperty().get() >= 0);
        assertThat(vm.resultProperty().get().query()).isEqualTo("avalon");
        assertThat(view.tabs().getSelectionModel().getSelectedIndex()).isZero();
    }

    @Test
    void aQueryOpenedToJudgeSelectsItsFirstResultNobodyJudged(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        // The annotator judged the first result of an earlier "love song" search: judging goes on past it.
        robot.interact(() -> vm.queryProperty().set("love song"));
        robot.interact(vm::search);
        waitUntil(() -> vm.resultProperty().get() != null && !vm.rows().isEmpty());
        String judged = vm.rows().get(0).itemId();
        robot.interact(() -> vm.rate(vm.rows().get(0), 2));
        waitUntil(() -> vm.rows().get(0).ratingProperty().get() != null);
        robot.interact(() -> view.tabs().getSelectionModel().selectLast());

        robot.interact(() -> QueryWindows.opener(vm, view).accept("love song"));
        waitUntil(() -> vm.judgeRowProperty().get() >= 0);
        assertThat(view.tabs().getSelectionModel().getSelectedIndex()).isZero();
        int row = vm.judgeRowProperty().get();
        ResultRow selected = view.results().getSelectionModel().getSelectedItem();
        assertThat(selected).isSameAs(vm.rows().get(row));
        assertThat(selected.itemId()).isNotEqualTo(judged);
        assertThat(view.results().isFocused()).isTrue();
        assertThat(selected.earlierProperty().get()).as("nobody judged the selected result yet").isEmpty();
        assertThat(vm.rows().subList(0, row)).as("every row above it is judged")
                .allMatch(r -> !r.earlierProperty().get().isEmpty());

        // A disagreement opens its query with its item selected, when the page shows it.
        String last = vm.rows().getLast().itemId();
        robot.interact(() -> QueryWindows.opener(vm, view).open("love song", last));
        waitUntil(() -> vm.judgeRowProperty().get() >= 0);
        assertThat(view.results().getSelectionModel().getSelectedItem().itemId()).isEqualTo(last);
        assertThat(vm.judgeRowProperty().get()).isPositive();
    }

    @Test
    void aRunFillsItsProgressBarAndTheScoreChartGainsAPoint(FxRobot robot) throws Exception {
        typedSet(robot);
        QuerySetChart chart = robot.lookup("#queryset-chart").queryAs(QuerySetChart.class);
        assertThat(chart.points()).isZero();
        robot.clickOn("#queryset-run");
        waitUntil(() -> chart.points() == 1);
        assertThat(robot.lookup("#queryset-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#queryset-cancel").query().isDisabled()).isTrue();
        robot.clickOn("#queryset-run");
        waitUntil(() -> chart.points() == 2);
        screenshot(robot, "#queryset-chart", "query-set.png");
    }

    @Test
    void theComparisonShowsRankArrowsAndJaccardSideBySide(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        robot.clickOn("Analysis").clickOn("Compare…");
        waitUntil(() -> robot.lookup("#compare-query").tryQuery().isPresent()
                && !windows.compareViewModel().configurations().isEmpty());
        assertThat(windows.compareViewModel().configurations()).contains("arms=bm25");
        robot.interact(() -> windows.compareViewModel().configBProperty().set("arms=bm25"));
        robot.clickOn("#compare-query").write("love song");
        robot.clickOn("#compare-run");
        waitUntil(() -> !table(robot, "#compare-list-b").getItems().isEmpty());
        assertThat(table(robot, "#compare-queries").getItems()).hasSize(1);
        assertThat(robot.lookup("#compare-queries .table-cell").queryAllAs(TableCell.class).stream()
                .map(TableCell::getText).filter(t -> t != null && t.matches("[01]\\.\\d\\d")).toList()).isNotEmpty();
        var moves = robot.lookup("#compare-list-a .table-cell").queryAllAs(TableCell.class).stream()
                .map(TableCell::getText).filter(t -> t != null && t.matches("↑\\d+|↓\\d+|=|dropped")).toList();
        assertThat(moves).isNotEmpty();
        assertThat(robot.lookup("#compare-summary").queryAs(Label.class).getText()).contains("mean Jaccard@10");
        screenshot(robot, "#compare-list-a", "comparison.png");
    }

    @Test
    void doubleClickingADisagreementRunsItsQueryInTheMainWindow(FxRobot robot) throws Exception {
        waitUntil(() -> ready);
        var r = service.search("tokyo rain", io.ltrr.engine.context.SearchContext.anonymous(
                java.time.LocalDateTime.of(2026, 11, 20, 12, 0)));
        String top = r.results().getFirst().itemId();
        service.rate(r.searchId(), top, 3, "alice");
        service.rate(r.searchId(), top, 0, "bob");
        robot.clickOn("Analysis").clickOn("Annotator agreement…");
        waitUntil(() -> robot.lookup("#agreement-disagreements").tryQuery().isPresent()
                && !table(robot, "#agreement-disagreements").getItems().isEmpty());
        assertThat(robot.lookup("#agreement-weighted").queryAs(Label.class).getText()).isNotEmpty();
        screenshot(robot, "#agreement-disagreements", "agreement-disagreements.png");
        robot.doubleClickOn("#agreement-disagreements .table-row-cell");
        waitUntil(() -> "tokyo rain".equals(vm.queryProperty().get()) && vm.resultProperty().get() != null
                && vm.resultProperty().get().query().equals("tokyo rain"));
    }
}
