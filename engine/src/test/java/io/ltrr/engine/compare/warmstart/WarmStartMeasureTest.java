package io.ltrr.engine.compare.warmstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.prior.PolicyPrior;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.PriorLearning;
import io.ltrr.engine.sim.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-start measure on the tiny catalog: both starts, every query a first search, the folder left as it was. */
class WarmStartMeasureTest {
    static final String QUERIES = """
            # three demo queries of the tiny catalog
            query\tkind\twanted
            love song\ttitle\tt1 t2
            avalon\ttitle\tt5
            trip hop\tstyle\ts1 t8
            """;

    @TempDir
    Path dir;

    private WorkbenchConfig config() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        return new WorkbenchConfig(dir.resolve("d"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L);
    }

    @Test
    void measuresBothStartsOnFreshFoldersAndLeavesTheFolderAsItWas() throws IOException {
        WorkbenchConfig config = config();
        try (Workbench wb = Workbench.open(config)) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        PolicyPrior prior;
        try (CatalogSimulation sim = CatalogSimulation.open(config.dataDir(), ArmSettings.music())) {
            prior = PriorLearning.learn(sim, (MusicScenario) Scenarios.load("music-default"), "music-default",
                    "thompson", 300, 5, "test");
        }
        Path file = new DataLayout(config.dataDir()).priors().resolve("thompson.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, prior.toJson());
        List<DemoQuery> queries = DemoQueries.parse(QUERIES, "test");

        WarmStartMeasure.Report r = WarmStartMeasure.run(config, queries, List.of(1L, 2L), 5, ProgressListener.NONE);

        assertThat(r.policy()).isEqualTo("thompson");
        assertThat(r.queries()).isEqualTo(3);
        assertThat(r.warm().policyStart().kind()).isEqualTo(PolicyStart.PRIOR);
        assertThat(r.cold().policyStart().kind()).isEqualTo(PolicyStart.UNIFORM);
        for (WarmStartMeasure.StartResult s : List.of(r.warm(), r.cold())) {
            assertThat(s.shareBySeed()).hasSize(2).allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
            int answered = s.seedsAnsweredByQuery().values().stream().mapToInt(Integer::intValue).sum();
            double fromShares = s.shareBySeed().stream().mapToDouble(x -> x * 3).sum();
            assertThat(answered).isEqualTo((int) Math.round(fromShares));
            assertThat(s.meanShare()).isCloseTo(fromShares / 6, within(1e-12));
            assertThat(s.seedsAnsweredByQuery().values()).allSatisfy(n -> assertThat(n).isBetween(0, 2));
        }
        WarmStartMeasure.Report again = WarmStartMeasure.run(config, queries, List.of(1L, 2L), 5,
                ProgressListener.NONE);
        assertThat(again).as("the same seeds, the same figures").isEqualTo(r);
        try (Workbench wb = Workbench.open(config)) {
            assertThat(wb.logCounts()).as("the measured folder's own log is untouched").containsEntry("searches", 0L);
        }
    }

    @Test
    void aDemoQueryFileWithoutWantedItemsIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> DemoQueries.parse("query\tkind\twanted\nlove song\ttitle\t \n", "q.tsv"))
                .hasMessageContaining("q.tsv:2").hasMessageContaining("wanted");
        assertThatThrownBy(() -> DemoQueries.parse("love song\ttitle\n", "q.tsv"))
                .hasMessageContaining("q.tsv:1: expected 3 tab-separated fields");
    }

    @Test
    void theShippedSetHasThirtyQueriesOfTheThreeKinds() {
        List<DemoQuery> shipped = DemoQueries.shipped();
        assertThat(shipped).hasSize(30);
        assertThat(shipped.stream().map(DemoQuery::kind).distinct())
                .containsExactlyInAnyOrder("artist_typo", "style", "style_decade", "title");
        assertThat(shipped.stream().map(DemoQuery::query).distinct()).hasSize(30);
    }
}
