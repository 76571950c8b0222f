package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.interleave.RankerPair;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The interleaving switch (headless Monocle) on a fake workbench: the toggle, the two rankers, the running score. */
@ExtendWith(ApplicationExtension.class)
class InterleaveBarTest {
    FakeWorkbenchService service;
    InterleaveViewModel vm;

    @Start
    void start(Stage stage) {
        service = new FakeWorkbenchService(BackendChoice.embedded()).scoring(1, 9, 40);
        vm = new InterleaveViewModel(service, new FxBackgroundRunner(1));
        stage.setScene(new Scene(new InterleaveBar(vm), 1000, 60));
        stage.show();
        vm.load();
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#interleave-score").queryAs(Label.class).getText();
    }

    @Test
    void theSwitchInterleavesTheChosenRankersAndShowsTheirRunningScore(FxRobot robot) throws Exception {
        ComboBox<?> a = robot.lookup("#interleave-a").queryAs(ComboBox.class);
        ComboBox<?> b = robot.lookup("#interleave-b").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "pairwise".equals(b.getValue()));
        assertThat(a.getValue()).as("A is the active ranker").isEqualTo("rrf");
        assertThat(a.isDisabled()).as("off: nothing to choose").isTrue();
        assertThat(vm.pair()).isEmpty();

        robot.clickOn("#interleave-toggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !text(robot).isEmpty());
        // 9 of 10 decided impressions for B: p = 2 (1 + 10) / 1024 = 0.0215
        assertThat(text(robot)).isEqualTo(
                "A rrf 1 · B pairwise 9 · 40 ties · 50 impressions · p = 0.0215 (sign test): pairwise preferred");
        assertThat(a.isDisabled()).isFalse();
        assertThat(vm.pair()).contains(new RankerPair("rrf", "pairwise"));
        assertThat(service.scoresAsked).contains(new RankerPair("rrf", "pairwise"));

        robot.clickOn("#interleave-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot)).isEmpty();
        assertThat(vm.pair()).isEmpty();
    }
}
