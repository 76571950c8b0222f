package io.ltrr.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.QuerySetRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query sets run, judged next, exported and compared on the small test catalog (no embeddings, seed 7). */
class QuerySetBenchTest {
    private static final List<String> QUERIES = List.of("love song", "avalon", "tokyo rain");

    @TempDir
    Path dir;
    private WorkbenchConfig config;

    @BeforeEach
    void indexTheTestCatalog() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        config = new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L);
        try (Workbench wb = Workbench.open(config)) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
            wb.createQuerySet("music", QUERIES);
        }
    }

    @Test
    void runsAreStoredWithTheirMeansAndOutliveTheWorkbench() {
        List<Long> progress = new ArrayList<>();
        try (Workbench wb = Workbench.open(config)) {
            QuerySetBench.SetRun first = QuerySetBench.run(wb, "music", JudgmentSource.OWN,
                    (phase, done, total) -> progress.add(done * 10 + total), CancellationToken.none());
            QuerySetBench.run(wb, "music", JudgmentSource.OWN, ProgressListener.NONE, CancellationToken.none());
            assertThat(first.scores().queries()).hasSize(3);
            assertThat(first.scores().unjudged()).isEqualTo(first.run().unjudged()).isPositive();
        }
        assertThat(progress).containsExactly(13L, 23L, 33L);
        try (Workbench wb = Workbench.open(config)) {
            List<QuerySetRun> runs = wb.querySetRuns("music");
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).snapshotJson()).isEqualTo(runs.get(1).snapshotJson().replace(
                    created(runs.get(1)), created(runs.get(0))));
            assertThat(SnapshotFiles.parse(runs.get(0).snapshotJson(), "run").queries())
                    .extracting(Snapshot.QueryResults::query).containsExactlyElementsOf(QUERIES);
        }
    }

    private static String created(QuerySetRun run) {
        return SnapshotFiles.parse(run.snapshotJson(), "run").createdAt();
    }

    @Test
    void aCancelledRunStoresNothing() {
        CancellationToken cancel = new CancellationToken();
        try (Workbench wb = Workbench.open(config)) {
            assertThatThrownBy(() -> QuerySetBench.run(wb, "music", JudgmentSource.OWN,
                    (phase, done, total) -> cancel.cancel(), cancel)).isInstanceOf(CancellationException.class);
            assertThat(wb.querySetRuns("music")).isEmpty();
        }
    }

    @Test
    void nextUnjudgedMovesOnWhenTheFirstQueryIsJudgedAndScoresFollowTheJudgments() throws IOException {
        List<String> top;
        try (Workbench wb = Workbench.open(config)) {
            NextUnjudged next = QuerySetBench.nextUnjudged(wb, "music", JudgmentSource.ALL).orElseThrow();
            assertThat(next.query()).isEqualTo("love song");
            assertThat(next.rank()).isEqualTo(1);
            top = QuerySetBench.scores(wb, "music", JudgmentSource.ALL).queries().getFirst().results();
        }
        StringBuilder csv = new StringBuilder("query,docid,rating\n");
        for (int i = 0; i < top.size(); i++) {
            csv.append("love song,").append(top.get(i)).append(',').append(i == 1 ? 3 : 0).append('\n');
        }
        Path file = dir.resolve("gold.csv");
        Files.writeString(file, csv);
        try (DataExport export = DataExport.open(config.dataDir())) {
            export.importJudgments(file, DataExport.JudgmentFormat.CSV, "gold", false);
        }
        try (Workbench wb = Workbench.open(config)) {
            assertThat(QuerySetBench.nextUnjudged(wb, "music", JudgmentSource.imported("gold")).orElseThrow().query())
                    .isEqualTo("avalon");
            QuerySetScores scores = QuerySetBench.scores(wb, "music", JudgmentSource.imported("gold"));
            assertThat(scores.queries().getFirst().mrr()).isEqualTo(0.5);
            assertThat(scores.queries().getFirst().unjudged()).isZero();
            assertThat(scores.meanMrr()).isEqualTo(0.5);
            assertThat(scores.judgedQueries()).isEqualTo(1);
            assertThatThrownBy(() -> QuerySetBench.scores(wb, "music", JudgmentSource.imported("silver")))
                    .hasMessageContaining("imported sources: [gold]");

            StringWriter qrels = new StringWriter();
            QuerySetBench.export(wb, "music", QuerySetBench.Export.TREC_QRELS, JudgmentSource.ALL, null, qrels);
            assertThat(qrels.toString().lines()).hasSize(top.size()).allMatch(l -> l.startsWith("love%20song 0 "));
            StringWriter quepid = new StringWriter();
            QuerySetBench.export(wb, "music", QuerySetBench.Export.QUEPID, JudgmentSource.ALL, null, quepid);
            assertThat(quepid.toString()).startsWith("query,docid,rating\n").contains("love song," + top.get(1) + ",3");
        }
    }

    @Test
    void aTrecRunExportIsTheLatestRunsResults() throws IOException {
        try (Workbench wb = Workbench.open(config)) {
            assertThatThrownBy(() -> QuerySetBench.export(wb, "music", QuerySetBench.Export.TREC_RUN,
                    JudgmentSource.OWN, null, new StringWriter())).hasMessageContaining("no run yet");
            QuerySetRun run = QuerySetBench.run(wb, "music", JudgmentSource.OWN, ProgressListener.NONE,
                    CancellationToken.none()).run();
            StringWriter out = new StringWriter();
            QuerySetBench.export(wb, "music", QuerySetBench.Export.TREC_RUN, JudgmentSource.OWN, null, out);
            String first = out.toString().lines().findFirst().orElseThrow();
            assertThat(first).startsWith("love%20song Q0 ").endsWith(" 1 " + first.split(" ")[4]
                    + " ltrr-run-" + run.runId());
        }
    }

    @Test
    void aConfigurationComparedWithItselfOrItsStoredRunChangesNothing() {
        try (Workbench wb = Workbench.open(config)) {
            long runId = QuerySetBench.run(wb, "music", JudgmentSource.OWN, ProgressListener.NONE,
                    CancellationToken.none()).run().runId();
            ConfigComparison same = QuerySetBench.compare(wb, "music", null, Configuration.CURRENT,
                    Configuration.run(runId), JudgmentSource.OWN, ProgressListener.NONE, CancellationToken.none());
            assertThat(same.queries()).hasSize(3);
            assertThat(same.diff().meanJaccard()).isEqualTo(1.0);
            assertThat(same.queries()).allSatisfy(q -> assertThat(q.diff().changes())
                    .allMatch(c -> c.kind() == RankChange.Kind.SAME));
        }
    }

    @Test
    void twoArmSetsComparedOnASingleQueryHaveArrowsJaccardAndRboOfTheirLists() {
        try (Workbench wb = Workbench.open(config)) {
            ConfigComparison c = QuerySetBench.compare(wb, null, "love song",
                    Configuration.parse("arms=bm25"), Configuration.parse("arms=bm25-pop"), JudgmentSource.OWN,
                    ProgressListener.NONE, CancellationToken.none());
            SnapshotDiff.QueryDiff q = c.queries().getFirst().diff();
            List<String> a = q.listA().stream().map(RankChange::itemId).toList();
            List<String> b = q.listB().stream().map(RankChange::itemId).toList();
            assertThat(q.jaccard()).isEqualTo(ListOverlap.jaccardAt(a, b, 10));
            assertThat(q.rbo()).isEqualTo(ListOverlap.rbo(a, b, ListOverlap.DEFAULT_P));
            assertThat(q.changes()).allSatisfy(ch -> assertThat(ch.kind()).isEqualTo(
                    ch.rankA() == null ? RankChange.Kind.NEW : ch.rankB() == null ? RankChange.Kind.GONE
                            : Integer.compare(ch.rankB(), ch.rankA()) < 0 ? RankChange.Kind.UP
                            : ch.rankB().equals(ch.rankA()) ? RankChange.Kind.SAME : RankChange.Kind.DOWN));
            assertThat(c.a()).isEqualTo("arms=bm25");
        }
    }

    @Test
    void aRankersSavedModelVersionIsAConfigurationOfItsOwn() {
        try (Workbench wb = Workbench.open(config)) {
            assertThatThrownBy(() -> QuerySetBench.compare(wb, "music", null, Configuration.parse("ranker=pairwise@1"),
                    Configuration.CURRENT, JudgmentSource.OWN, ProgressListener.NONE, CancellationToken.none()))
                    .hasMessageContaining("no model version 1 (the latest is none");
            assertThatThrownBy(() -> QuerySetBench.compare(wb, "music", null, Configuration.parse("ranker=rrf@1"),
                    Configuration.CURRENT, JudgmentSource.OWN, ProgressListener.NONE, CancellationToken.none()))
                    .hasMessageContaining("does not learn");
            for (String q : QUERIES) {
                var r = wb.search(q, io.ltrr.engine.context.SearchContext.anonymous(
                        java.time.LocalDateTime.of(2026, 11, 20, 12, 0)));
                wb.click(r.searchId(), r.results().get(Math.min(2, r.results().size() - 1)).itemId());
            }
            wb.trainRanker("pairwise");
            ConfigComparison c = QuerySetBench.compare(wb, "music", null, Configuration.parse("ranker=pairwise@1"),
                    Configuration.parse("ranker=pairwise"), JudgmentSource.OWN, ProgressListener.NONE,
                    CancellationToken.none());
            assertThat(c.diff().meanJaccard()).isEqualTo(1.0);
            assertThat(c.a()).isEqualTo("arms=all;ranker=pairwise@1");
        }
    }
}
