package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.store.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The feedback log of a team's shared store reads the store again while it is shown, so another annotator's
 * rating appears without Refresh, with its annotator in a column of its own.
 */
@ExtendWith(ApplicationExtension.class)
class LiveLogViewTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final LogEvent SEARCH = new LogEvent(LogEvent.Kind.SEARCH, T0, "s-1", null, "\"love song\"");
    private static final LogEvent RATING = new LogEvent(LogEvent.Kind.RATING, T0.plusSeconds(5), "s-1", "item-a",
            "grade 3 by kim for \"love song\"", "kim");

    final FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded())
            .storeOn(StoreChoice.parse("postgresql://db.example:5432/ltrr", "ann", null))
            .logging(List.of(SEARCH));
    FxBackgroundRunner runner;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        runner = new FxBackgroundRunner(1);
        LogViewModel vm = new LogViewModel(service, runner);
        LogView view = new LogView(vm, Duration.millis(300));
        stage.setScene(new Scene(view, 1000, 400));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get(); // the live reading stops with its window
        WaitForAsyncUtils.waitForFxEvents();
        runner.close();
    }

    @Test
    void anotherAnnotatorsRatingAppearsWithoutRefreshAndNamesTheAnnotator(FxRobot robot) throws Exception {
        TableView<LogViewModel.LogRow> table = robot.lookup("#log-table").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(robot.lookup("#log-live").queryAs(Label.class).isVisible()).as("said from the start").isTrue();

        service.logging(List.of(RATING, SEARCH)); // written by another workbench
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems().getFirst().event().annotator()).isEqualTo("kim");
        assertThat(table.getColumns()).extracting(c -> c.getText()).contains("annotator");
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("annotator")).findFirst()
                .orElseThrow().getCellData(0)).isEqualTo("kim");
    }
}
