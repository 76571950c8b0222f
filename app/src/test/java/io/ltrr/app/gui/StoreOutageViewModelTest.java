package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.StoreOfflineException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar's store label and the search window's feedback while a shared store goes away and comes back, on
 * a real workbench whose store fails as an offline server does, without a toolkit.
 */
class StoreOutageViewModelTest {
    private static final String SHARED = "store: postgresql://db.example:5432/ltrr (shared)";

    @TempDir
    Path dir;
    StoreOutageService service;
    MainViewModel vm;
    StatusViewModel status;
    final SameThreadRunner runner = new SameThreadRunner();

    @BeforeEach
    void open() throws Exception {
        service = new StoreOutageService(new EngineWorkbenchService(GuiFixtures.workbench(dir, true)));
        vm = new MainViewModel(service, runner, GuiFixtures.NOON);
        vm.start();
        status = vm.status();
        status.checkStore(runner, () -> { });
        vm.queryProperty().set("love song");
        vm.search();
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void aClickOnAnOfflineStoreIsNotShownAsSavedAndTheLabelTurnsOfflineAtOnce() {
        assertThat(status.storeProperty().get()).isEqualTo(SHARED);
        assertThat(status.nextStoreCheck()).isEqualTo(StatusViewModel.STORE_CHECK);
        String events = status.eventsProperty().get();
        ResultRow row = vm.rows().getFirst();
        service.offline(true);

        vm.click(row);

        assertThat(status.messageProperty().get()).startsWith("⚠ click on #1 \"" + row.title() + "\" not saved: "
                + FakeWorkbenchService.OFFLINE).doesNotContain("saved as");
        assertThat(row.feedbackProperty().get()).isEmpty();
        assertThat(status.storeProperty().get()).isEqualTo(StatusViewModel.STORE_OFFLINE);
        assertThat(status.storeOfflineProperty().get()).isTrue();
        assertThat(status.storeTipProperty().get()).isEqualTo(FakeWorkbenchService.OFFLINE);
        assertThat(status.nextStoreCheck()).isEqualTo(StatusViewModel.STORE_RETRY);
        assertThat(status.eventsProperty().get()).isEqualTo(events);
    }

    @Test
    void aRatingOnAnOfflineStoreLeavesTheRowUnratedAndSaysSo() {
        ResultRow row = vm.rows().get(1);
        String annotator = vm.context().annotatorName();
        service.offline(true);

        vm.rate(row, 3);

        assertThat(row.ratingProperty().get()).isNull();
        assertThat(status.messageProperty().get()).startsWith("⚠ rating 3 by " + annotator + " on #2 \""
                + row.title() + "\" not saved: ").doesNotContain("saved as");
        assertThat(status.storeOfflineProperty().get()).isTrue();
    }

    @Test
    void checksRetryWhileOfflineAndTheLabelReturnsWhenTheStoreAnswersAgain() {
        service.offline(true);
        vm.click(vm.rows().getFirst());
        assertThat(status.storeOfflineProperty().get()).isTrue();

        status.checkStore(runner, () -> { });
        assertThat(status.storeProperty().get()).isEqualTo(StatusViewModel.STORE_OFFLINE);
        assertThat(status.nextStoreCheck()).isEqualTo(StatusViewModel.STORE_RETRY);

        service.offline(false);
        status.checkStore(runner, () -> { });

        assertThat(status.storeProperty().get()).isEqualTo(SHARED);
        assertThat(status.storeOfflineProperty().get()).isFalse();
        assertThat(status.nextStoreCheck()).isEqualTo(StatusViewModel.STORE_CHECK);
        ResultRow row = vm.rows().getFirst();
        vm.click(row);
        assertThat(status.messageProperty().get()).startsWith("clicked #1 \"" + row.title() + "\" — saved as ");
        assertThat(row.feedbackProperty().get()).isEqualTo("clicked");
    }

    @Test
    void aSearchOnAnOfflineStoreTurnsTheLabelOfflineAndOtherFailuresDoNot() {
        service.offline(true);
        vm.queryProperty().set("ambient");
        vm.search();

        assertThat(status.messageProperty().get()).startsWith("search failed: the feedback store ");
        assertThat(status.storeOfflineProperty().get()).isTrue();

        service.offline(false);
        status.checkStore(runner, () -> { });
        assertThat(status.storeFailed(new IllegalStateException("no such ranker"))).isFalse();
        assertThat(status.storeOfflineProperty().get()).isFalse();
        assertThat(status.storeFailed(new RuntimeException("wrapped", new StoreOfflineException("gone", null))))
                .isTrue();
        assertThat(status.storeTipProperty().get()).isEqualTo("gone");
    }
}
