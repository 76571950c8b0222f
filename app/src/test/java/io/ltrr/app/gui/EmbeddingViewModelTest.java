package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.index.VectorStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * The status bar's background embedding (ADR 0013): while it runs it shows the phase, the count, items/s and the
 * ETA of this run (a resumed run's rate counts only what it embedded itself); when it completes it hides and says the
 * dense arm joins; when it is cancelled it says it resumes at the next start.
 */
class EmbeddingViewModelTest {
    private final List<String> messages = new ArrayList<>();
    private long now;

    private EmbeddingViewModel vm(FakeWorkbenchService service) {
        return new EmbeddingViewModel(service, new SameThreadRunner(), () -> now, messages::add);
    }

    @Test
    void aRunningEmbeddingShowsItsPhaseCountRateAndEtaThenHidesAndSaysTheDenseArmJoins() {
        List<String> seen = new ArrayList<>();
        List<Boolean> activeWhileRunning = new ArrayList<>();
        EmbeddingViewModel[] vm = new EmbeddingViewModel[1];
        FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded()).embedding((p, c) -> {
            p.progress("embedding", 1_000, 5_000); // resumed: 1,000 were embedded by an earlier run
            now += 2_000_000_000L;
            p.progress("embedding", 2_000, 5_000); // 1,000 in 2 s of this run
            seen.add(vm[0].textProperty().get());
            activeWhileRunning.add(vm[0].activeProperty().get());
            now += 1_000_000_000L;
            p.progress("vector graph", 0, 5_000);
            seen.add(vm[0].textProperty().get());
            assertThat(vm[0].progressProperty().get()).isZero();
            return new VectorStatus("all-minilm-l6-v2-q", 5_000, 5_000, true);
        });
        vm[0] = vm(service);
        assertThat(vm[0].activeProperty().get()).isFalse();

        vm[0].start(new SameThreadRunner());

        assertThat(activeWhileRunning).containsExactly(true);
        assertThat(seen.getFirst()).isEqualTo("embedding 2,000 / 5,000 · 500 items/s · ETA 6s · dense arm when done");
        assertThat(seen.get(1)).startsWith("vector graph 0 / 5,000");
        assertThat(vm[0].activeProperty().get()).isFalse();
        assertThat(vm[0].textProperty().get()).isEmpty();
        assertThat(messages).containsExactly(
                "embeddings complete (5,000 items): the dense arm is offered from the next search");
    }

    @Test
    void vectorsAlreadyCompleteOrNotWantedShowNothing() {
        EmbeddingViewModel vm = vm(new FakeWorkbenchService(BackendChoice.embedded()));
        vm.start(new SameThreadRunner());
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(messages).isEmpty();
    }

    @Test
    void aStartAskedWhileARunIsEndingStartsAgainWhenThatRunStops() {
        int[] calls = {0};
        EmbeddingViewModel[] vm = new EmbeddingViewModel[1];
        FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded()).embedding((p, c) -> {
            calls[0]++;
            p.progress("embedding", 0, 5_000);
            if (calls[0] == 1) {
                vm[0].start(new SameThreadRunner()); // a store switch closed this run's workbench and reopened one
                throw new CancellationException("cancelled");
            }
            return new VectorStatus("all-minilm-l6-v2-q", 5_000, 5_000, true);
        });
        vm[0] = vm(service);
        vm[0].start(new SameThreadRunner());
        assertThat(calls[0]).isEqualTo(2);
        assertThat(vm[0].activeProperty().get()).isFalse();
        assertThat(messages).containsExactly(
                "embeddings complete (5,000 items): the dense arm is offered from the next search");
    }

    @Test
    void aCancelledEmbeddingSaysItResumesAtTheNextStart() {
        EmbeddingViewModel[] vm = new EmbeddingViewModel[1];
        FakeWorkbenchService service = new FakeWorkbenchService(BackendChoice.embedded()).embedding((p, c) -> {
            p.progress("embedding", 300, 5_000);
            vm[0].cancel();
            assertThat(c.isCancelled()).as("the engine sees the cancel").isTrue();
            throw new CancellationException("cancelled");
        });
        vm[0] = vm(service);
        vm[0].start(new SameThreadRunner());
        assertThat(vm[0].activeProperty().get()).isFalse();
        assertThat(messages).containsExactly("embeddings paused: they resume where they stopped at the next start");
    }
}
