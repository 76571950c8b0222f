package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.ope.PolicyTarget;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The off-policy leaderboard's ViewModel on a real workbench's log, without a toolkit. */
class OpeLeaderboardViewModelTest {
    static final String[] QUERIES = {"love song", "orange horizon", "quiet morning", "tokyo rain", "avalon"};

    @TempDir
    Path dir;
    Workbench wb;

    @BeforeEach
    void open() throws Exception {
        wb = GuiFixtures.workbench(dir, true);
    }

    @AfterEach
    void close() {
        wb.close();
    }

    /** 15 searches; the top result of every other one is clicked. */
    private int logSearches() {
        int n = 0;
        for (int round = 0; round < 3; round++) {
            for (String q : QUERIES) {
                SearchResult r = wb.search(q, SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
                if (n++ % 2 == 0 && !r.results().isEmpty()) {
                    wb.click(r.searchId(), r.results().getFirst().itemId());
                }
            }
        }
        return n;
    }

    @Test
    void everyPolicyAndArmIsRankedByItsDoublyRobustEstimateWithIntervals() {
        int searches = logSearches();
        OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(AnalysisWindows.opeSource(() -> wb), new SameThreadRunner());
        vm.bootstrapProperty().set(200);
        vm.refresh();
        List<String> expected = new ArrayList<>(wb.policyIds());
        wb.armIds().forEach(a -> expected.add("arm:" + a));
        assertThat(vm.rows()).extracting(OpeLeaderboardViewModel.Row::policy)
                .containsExactlyInAnyOrderElementsOf(expected);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vm.rows().size(); i++) {
            OpeLeaderboardViewModel.Row row = vm.rows().get(i);
            assertThat(row.rank()).isEqualTo(i + 1);
            assertThat(row.rounds()).isEqualTo(searches);
            for (var e : List.of(row.ips(), row.snips(), row.dr())) {
                assertThat(e.ciLow()).as(row.policy()).isLessThanOrEqualTo(e.value());
                assertThat(e.ciHigh()).as(row.policy()).isGreaterThanOrEqualTo(e.value());
            }
            assertThat(row.dr().value()).isLessThanOrEqualTo(previous);
            previous = row.dr().value();
            assertThat(row.drText()).matches("-?\\d+\\.\\d{3} \\[-?\\d+\\.\\d{3}, -?\\d+\\.\\d{3}\\]");
        }
        assertThat(vm.statusProperty().get()).contains(searches + " logged searches").contains("progressive")
                .contains("200 bootstrap");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void theSameLogAndSeedGiveTheSameBoardInBothModes() {
        logSearches();
        OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(AnalysisWindows.opeSource(() -> wb), new SameThreadRunner());
        vm.bootstrapProperty().set(100);
        vm.refresh();
        List<OpeLeaderboardViewModel.Row> first = List.copyOf(vm.rows());
        vm.refresh();
        assertThat(vm.rows()).containsExactlyElementsOf(first);
        vm.modeProperty().set(PolicyTarget.Mode.FROZEN);
        vm.refresh();
        assertThat(vm.statusProperty().get()).contains("frozen");
        assertThat(vm.rows()).hasSameSizeAs(first);
        // a single arm does not learn: its estimates do not depend on the replay mode
        assertThat(vm.rows().stream().filter(r -> r.policy().equals("arm:bm25")).findFirst().orElseThrow())
                .usingRecursiveComparison().ignoringFields("rank")
                .isEqualTo(first.stream().filter(r -> r.policy().equals("arm:bm25")).findFirst().orElseThrow());
    }

    @Test
    void anEmptyLogIsAMessageNotABoard() {
        OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(AnalysisWindows.opeSource(() -> wb), new SameThreadRunner());
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("cannot estimate:").contains("no rounds");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    /** Holds the background work until the test releases it, as the FX runner would run it on a worker thread. */
    static final class HeldRunner implements BackgroundRunner {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pending.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void onUi(Runnable update) {
            update.run();
        }
    }

    @Test
    void estimationRunsInTheBackgroundAndAClickMeanwhileStartsNoSecondOne() {
        logSearches();
        HeldRunner runner = new HeldRunner();
        OpeLeaderboardViewModel vm = new OpeLeaderboardViewModel(AnalysisWindows.opeSource(() -> wb), runner);
        vm.bootstrapProperty().set(50);
        vm.refresh();
        vm.refresh();
        assertThat(runner.pending).hasSize(1);
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("estimating");
        runner.pending.removeFirst().run();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).isNotEmpty();
    }
}
