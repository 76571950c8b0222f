package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.clicks.ClickJudgments;
import io.ltrr.engine.clicks.ClickModelOptions;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.Judgment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judgments derived from the folder's own clicks are stored as a source that scoring and evaluation can name. */
class JudgmentsFromClicksTest {
    @TempDir
    Path dir;

    private Workbench open() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        Workbench wb = Workbench.open(new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L));
        wb.index(false, ProgressListener.NONE, CancellationToken.none());
        return wb;
    }

    @Test
    void theOwnLogsClicksBecomeAJudgmentSourceThatReplacesItselfAndScoresQueries() throws IOException {
        try (Workbench wb = open()) {
            SearchContext ctx = SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0));
            String clickedItem = null;
            for (int i = 0; i < 4; i++) {
                SearchResult r = wb.search("Love Song", ctx);
                clickedItem = r.results().stream().filter(x -> x.itemId().equals("t2")).findFirst()
                        .orElse(r.results().getFirst()).itemId();
                wb.click(r.searchId(), clickedItem);
            }
            List<ClickSession> sessions = wb.clickSessions();
            assertThat(sessions).hasSize(4).allSatisfy(s -> {
                assertThat(s.query()).isEqualTo("love song");
                assertThat(s.clicked()).hasSize(1);
            });

            ClickJudgments made = wb.judgmentsFromClicks(sessions, "pbm",
                    ClickModelOptions.defaults().withMinImpressions(4), "clicks-pbm");
            List<Judgment> stored = wb.offline().judgments();
            assertThat(stored).isNotEmpty().allSatisfy(j -> assertThat(j.source()).isEqualTo("clicks-pbm"));
            assertThat(stored).hasSize(made.judgments().size());
            assertThat(made.stored().added()).isEqualTo(stored.size());
            String top = clickedItem;
            assertThat(stored).filteredOn(j -> j.itemId().equals(top)).extracting(Judgment::query, Judgment::grade)
                    .containsExactly(tuple("love song", 3));

            QuerySetScores scores = wb.scoreQueries("love", List.of("Love Song"),
                    Map.of("Love Song", List.of(top)), JudgmentSource.imported("clicks-pbm"));
            assertThat(scores.meanNdcg()).isEqualTo(1.0);

            // again with a minimum no pair meets: nothing stored, the source is kept as it was
            ClickJudgments none = wb.judgmentsFromClicks(sessions, "dbn",
                    ClickModelOptions.defaults().withMinImpressions(5), "clicks-pbm");
            assertThat(none.judgments()).isEmpty();
            assertThat(wb.offline().judgments()).isEqualTo(stored);

            // COEC into the same source replaces it
            ClickJudgments coec = wb.judgmentsFromClicks(sessions, "coec",
                    ClickModelOptions.defaults().withMinImpressions(4), "clicks-pbm");
            assertThat(coec.stored().removed() + coec.stored().updated() + coec.stored().unchanged())
                    .isEqualTo(stored.size());
        }
    }
}
