package io.ltrr.engine.store.jdbc;

import io.ltrr.engine.store.ArmReward;
import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.jdbc.StoreProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {
    @TempDir
    Path data;

    @Test
    void dataSurvivesCloseAndReopen() {
        String search;
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            search = Fixtures.record(store, Fixtures.T0, "Kind of Blue");
            store.feedbackLog().recordClick(search, "item-b", Fixtures.T0.plusSeconds(3));
            store.learnedState().savePolicyState("thompson", 8, "{\"round\":8}");
        }
        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThat(store.searchLog().impression(search)).contains(Fixtures.impression(search, Fixtures.T0, "Kind of Blue"));
            assertThat(store.feedbackLog().rewardsOf("c-1")).extracting(ArmReward::reward).containsExactly(0.0, 1.0, 0.0);
            assertThat(store.learnedState().latestPolicyState("thompson").orElseThrow().round()).isEqualTo(8);
            // Sequences continue after a reopen instead of reissuing ids.
            assertThat(store.searchLog().newSearchId()).isNotEqualTo(search);
        }
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedWhileTheFirstIsOpen() {
        try (FeedbackStore first = H2FeedbackStore.open(data)) {
            assertThatThrownBy(() -> H2FeedbackStore.open(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("data folder " + data.toAbsolutePath().normalize()
                            + " is in use by another workbench process");
            assertThat(first.searchLog().count()).isZero(); // the refused open did not disturb the first
        }
        H2FeedbackStore.open(data).close(); // released on close
    }

    @Test
    void secondOpenFromAnotherProcessIsRefusedByTheLockAndByH2() throws IOException, InterruptedException {
        try (FeedbackStore ignored = H2FeedbackStore.open(data)) {
            List<String> lines = runProbe("second-open");

            String inUse = "FolderInUse: data folder " + data.toAbsolutePath().normalize()
                    + " is in use by another workbench process";
            assertThat(lines).containsExactly("store: " + inUse, "h2: " + inUse);
        }
    }

    @Test
    void aCommittedClickSurvivesTheProcessDyingRightAfterIt() throws IOException, InterruptedException {
        List<String> lines = runProbe("write-then-die");
        assertThat(lines).containsExactly("recorded: s-1");

        try (FeedbackStore store = H2FeedbackStore.open(data)) {
            assertThat(store.searchLog().impression("s-1")).isPresent();
            assertThat(store.feedbackLog().clicksOf("s-1")).extracting(ClickEvent::itemId).containsExactly("item-a");
            assertThat(store.feedbackLog().rewardsOf("c-1")).hasSize(3);
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        FeedbackStore store = H2FeedbackStore.open(data);
        store.close();
        store.close(); // idempotent

        assertThatThrownBy(() -> store.searchLog().count()).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    }

    private List<String> runProbe(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreProbe.class.getName(), data.toAbsolutePath().toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.matches("(store|h2|recorded): .*")).toList();
    }
}
