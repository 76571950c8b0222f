package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.compare.ConfigComparison;
import io.ltrr.engine.compare.RankChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison ViewModel on a real ten-item workbench, without a toolkit. */
class CompareViewModelTest {
    @TempDir
    Path dir;
    Workbench wb;
    CompareViewModel vm;

    @BeforeEach
    void open() throws Exception {
        wb = GuiFixtures.workbench(dir.resolve("w"), true);
        vm = new CompareViewModel(new EngineQuerySetSource(() -> wb), new SameThreadRunner());
    }

    @AfterEach
    void close() {
        wb.close();
    }

    @Test
    void theChoicesOfferCurrentEveryRankerAndEveryArm() {
        wb.createQuerySet("mine", List.of("avalon"));
        vm.refresh();
        assertThat(vm.configurations()).startsWith("current").contains("arms=" + wb.armIds().getFirst(),
                "ranker=" + wb.rankerIds().getFirst());
        assertThat(vm.sets()).containsExactly("mine");
        assertThat(vm.setProperty().get()).isEqualTo("mine");
        assertThat(vm.configBProperty().get()).isEqualTo(vm.configurations().get(1));
    }

    @Test
    void oneArmAgainstTheCurrentConfigurationShowsBothListsWithMoves() {
        vm.configAProperty().set("current");
        vm.configBProperty().set("arms=" + wb.armIds().getFirst());
        vm.queryProperty().set("love song");
        vm.compare();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("love song");
            assertThat(r.jaccard()).isBetween(0.0, 1.0);
        });
        assertThat(vm.selectedProperty().get()).isEqualTo("love song");
        assertThat(vm.listA()).isNotEmpty();
        assertThat(vm.listB()).isNotEmpty();
        assertThat(vm.listA()).extracting(CompareViewModel.Entry::rank).startsWith(1);
        assertThat(vm.listA()).allSatisfy(e -> assertThat(e.move()).matches("↑\\d+|↓\\d+|=|dropped"));
        assertThat(vm.listB()).allSatisfy(e -> assertThat(e.move()).matches("↑\\d+|↓\\d+|=|new"));
        assertThat(vm.listA().getFirst().title()).isNotEqualTo(vm.listA().getFirst().itemId());
        assertThat(vm.summaryProperty().get()).contains("mean Jaccard@10");
        assertThat(vm.titleBProperty().get()).isEqualTo("B: arms=" + wb.armIds().getFirst());
    }

    @Test
    void aConfigurationComparedWithItselfMovesNothing() {
        wb.createQuerySet("mine", List.of("love song", "avalon", "tokyo rain"));
        vm.configAProperty().set("current");
        vm.configBProperty().set("current");
        vm.setProperty().set("mine");
        vm.compare();
        assertThat(vm.rows()).hasSize(3).allSatisfy(r -> {
            assertThat(r.jaccard()).isEqualTo(1.0);
            assertThat(r.ndcgDelta()).isZero();
        });
        assertThat(vm.listB()).allSatisfy(e -> assertThat(e.move()).isEqualTo("="));
    }

    @Test
    void theTableIsSortedByTheBiggestChangeOfTheChosenMeasure() {
        wb.createQuerySet("mine", List.of("love song", "avalon", "tokyo rain", "quiet morning"));
        vm.configAProperty().set("current");
        vm.configBProperty().set("arms=" + wb.armIds().getLast());
        vm.setProperty().set("mine");
        vm.measureProperty().set(ConfigComparison.Measure.JACCARD);
        vm.compare();
        List<Double> changes = vm.rows().stream().map(CompareViewModel.QueryRow::change).toList();
        assertThat(changes).isSortedAccordingTo((x, y) -> Double.compare(Math.abs(y), Math.abs(x)));
        vm.measureProperty().set(ConfigComparison.Measure.RBO);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.change()).isEqualTo(1 - r.rbo()));
    }

    @Test
    void aMalformedConfigurationSaysWhichFormsAreAccepted() {
        vm.configAProperty().set("bogus");
        vm.configBProperty().set("current");
        vm.queryProperty().set("avalon");
        vm.compare();
        assertThat(vm.statusProperty().get()).contains("current, arms=A,B[;ranker=R[@V]]");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void movesReadAsArrows() {
        assertThat(CompareViewModel.move(new RankChange("x", 5, 2, RankChange.Kind.UP))).isEqualTo("↑3");
        assertThat(CompareViewModel.move(new RankChange("x", 2, 4, RankChange.Kind.DOWN))).isEqualTo("↓2");
        assertThat(CompareViewModel.move(new RankChange("x", 2, 2, RankChange.Kind.SAME))).isEqualTo("=");
        assertThat(CompareViewModel.move(new RankChange("x", null, 1, RankChange.Kind.NEW))).isEqualTo("new");
        assertThat(CompareViewModel.move(new RankChange("x", 1, null, RankChange.Kind.GONE))).isEqualTo("dropped");
    }
}
