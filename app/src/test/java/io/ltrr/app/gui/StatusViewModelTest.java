package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar's policy and ranker switches on a real workbench, without a toolkit. */
class StatusViewModelTest {
    @TempDir
    Path dir;

    @Test
    void switchingTheRankerReachesTheEngineAndSurvivesARestart() throws Exception {
        try (WorkbenchService service = new EngineWorkbenchService(GuiFixtures.workbench(dir, true))) {
            StatusViewModel vm = new StatusViewModel(service, new SameThreadRunner());
            vm.refresh();
            assertThat(vm.rankers()).contains("rrf", "pairwise", "lambdamart");
            assertThat(vm.rankerProperty().get()).isEqualTo("rrf");
            assertThat(vm.rankerModelProperty().get()).isEmpty();

            vm.rankerProperty().set("lambdamart");

            assertThat(service.rankerId()).isEqualTo("lambdamart");
            assertThat(vm.rankerModelProperty().get()).isEqualTo("no model trained yet");
            assertThat(vm.messageProperty().get()).startsWith("ranker: lambdamart");
        }
        try (WorkbenchService reopened = new EngineWorkbenchService(GuiFixtures.workbench(dir, true))) {
            StatusViewModel vm = new StatusViewModel(reopened, new SameThreadRunner());
            vm.refresh();
            assertThat(vm.rankerProperty().get()).isEqualTo("lambdamart");
        }
    }

    @Test
    void anUnknownRankerIsRefusedWithAMessageAndTheSwitchShowsTheActiveOneAgain() throws Exception {
        try (WorkbenchService service = new EngineWorkbenchService(GuiFixtures.workbench(dir, true))) {
            StatusViewModel vm = new StatusViewModel(service, new SameThreadRunner());
            vm.refresh();

            vm.rankerProperty().set("no-such-ranker");

            assertThat(service.rankerId()).isEqualTo("rrf");
            assertThat(vm.rankerProperty().get()).isEqualTo("rrf");
            assertThat(vm.messageProperty().get()).startsWith("cannot switch to ranker no-such-ranker");
        }
    }
}
