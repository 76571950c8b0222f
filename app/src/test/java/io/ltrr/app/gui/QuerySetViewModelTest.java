package io.ltrr.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.compare.QuerySetBench;
import io.ltrr.engine.context.SearchContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query-set ViewModel on a real ten-item workbench, without a toolkit (work runs on the calling thread). */
class QuerySetViewModelTest {
    @TempDir
    Path dir;
    Workbench wb;
    QuerySetViewModel vm;
    final List<String> opened = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        wb = GuiFixtures.workbench(dir.resolve("w"), true);
        vm = new QuerySetViewModel(new EngineQuerySetSource(() -> wb), new SameThreadRunner(), opened::add);
    }

    @AfterEach
    void close() {
        wb.close();
    }

    private SearchResult search(String q) {
        return wb.search(q, SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0)));
    }

    private void typed(String name, String text) {
        vm.nameProperty().set(name);
        vm.typedProperty().set(text);
        vm.createTyped();
    }

    @Test
    void typedQueriesBecomeASetThatIsSelectedAndScored() {
        typed("mine", "love song\n\n  avalon \n");
        assertThat(vm.sets()).containsExactly("mine");
        assertThat(vm.selectedProperty().get()).isEqualTo("mine");
        assertThat(vm.rows()).extracting(QuerySetViewModel.QueryRow::query).containsExactly("love song", "avalon");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.unjudged()).isPositive());
        assertThat(vm.meansProperty().get()).contains("over 0 judged of 2 queries");
        assertThat(vm.nameProperty().get()).isEmpty();
        assertThat(vm.typedProperty().get()).isEmpty();
    }

    @Test
    void aFileWithARepeatedQueryShowsTheProblemAndKeepsTheRest() throws Exception {
        Path file = dir.resolve("night.txt");
        Files.writeString(file, "love song\navalon\nlove song\n");
        vm.importFile(file);
        assertThat(vm.sets()).containsExactly("night");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.problems()).singleElement().asString().contains(":3:");
        assertThat(vm.statusProperty().get()).contains("1 lines skipped");
    }

    @Test
    void aRatingRaisesItsQueryScoreAgainstOwnJudgments() {
        SearchResult r = search("love song");
        wb.rate(r.searchId(), r.results().getFirst().itemId(), 3, "ana");
        vm.judgmentsProperty().set("own");
        typed("mine", "love song\navalon");
        assertThat(vm.rows().getFirst().ndcg()).isPositive();
        assertThat(vm.rows().getFirst().relevantJudged()).isTrue();
        assertThat(vm.rows().get(1).relevantJudged()).isFalse();
    }

    @Test
    void judgeNextOpensTheFirstQueryWithAnUnjudgedResult() {
        typed("mine", "avalon\nlove song");
        vm.judgeNext();
        assertThat(opened).containsExactly("avalon");
        assertThat(vm.statusProperty().get()).contains("result #1 is unjudged");
    }

    @Test
    void aRunStoresASnapshotAndTheChartGainsAPoint() {
        typed("mine", "love song\navalon\ntokyo rain");
        assertThat(vm.runs()).isEmpty();
        List<Double> seen = new ArrayList<>();
        vm.progressProperty().addListener((obs, o, n) -> seen.add(n.doubleValue()));
        vm.runSet();
        assertThat(vm.runs()).hasSize(1);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(seen).contains(1.0 / 3);
        assertThat(vm.statusProperty().get()).startsWith("run 1 stored: mean nDCG@10").contains("3 queries scored");
        assertThat(vm.runningProperty().get()).isFalse();
        vm.runSet();
        assertThat(vm.runs()).hasSize(2);
    }

    @Test
    void aCancelledRunStoresNothing() {
        typed("mine", "love song\navalon\ntokyo rain");
        vm.progressProperty().addListener((obs, o, n) -> {
            if (n.doubleValue() > 0 && n.doubleValue() < 1) {
                vm.cancel();
            }
        });
        vm.runSet();
        assertThat(vm.statusProperty().get()).isEqualTo("run cancelled: nothing stored");
        assertThat(vm.runs()).isEmpty();
        assertThat(wb.querySetRuns("mine")).isEmpty();
    }

    @Test
    void aSampleOfTheLogTakesTheMostSearchedQueries() {
        for (String q : List.of("avalon", "avalon", "avalon", "love song", "love song", "tokyo rain")) {
            search(q);
        }
        vm.strategyProperty().set(QuerySampling.FREQUENT);
        vm.sampleSizeProperty().set(2);
        vm.sample();
        assertThat(vm.selectedProperty().get()).isEqualTo("frequent 2");
        assertThat(vm.rows()).extracting(QuerySetViewModel.QueryRow::query).containsExactly("avalon", "love song");
        vm.strategyProperty().set(QuerySampling.RANDOM);
        vm.seedProperty().set(3);
        vm.sample();
        assertThat(vm.sets()).containsExactly("frequent 2", "random 2 seed 3");
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void aBadJudgmentSourceIsExplainedAndABadNameToo() {
        typed("mine", "avalon");
        vm.judgmentsProperty().set("theirs");
        assertThat(vm.statusProperty().get()).contains("judgments must be own, all or imported:SOURCE");
        typed(" ", "avalon");
        assertThat(vm.statusProperty().get()).startsWith("create failed: name");
    }

    @Test
    void anExportWritesTheLatestRunAsATrecRun() throws Exception {
        typed("mine", "love song\navalon");
        vm.runSet();
        Path out = dir.resolve("mine.run");
        vm.export(QuerySetBench.Export.TREC_RUN, out);
        assertThat(Files.readAllLines(out)).isNotEmpty().allSatisfy(l -> assertThat(l).contains("ltrr-run-1"));
        assertThat(vm.statusProperty().get()).isEqualTo("wrote " + out);
    }

    @Test
    void setsAreReadBackWithTheFirstSelected() {
        wb.createQuerySet("b", List.of("avalon"));
        wb.createQuerySet("a", List.of("love song"));
        vm.refreshSets();
        assertThat(vm.sets()).containsExactly("a", "b");
        assertThat(vm.selectedProperty().get()).isEqualTo("a");
        assertThat(vm.rows()).extracting(QuerySetViewModel.QueryRow::query).containsExactly("love song");
    }
}
