package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.EarlierJudgment;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repeated query shows what annotators and imported judgments said earlier about its items. */
class EarlierJudgmentsTest {
    @TempDir
    Path dir;

    private Workbench open(Path data) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        Workbench wb = Workbench.open(new WorkbenchConfig(data, CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L));
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    @Test
    void ratingsOfTheSameQueryFromEveryAnnotatorAndImportsAreReturnedForTheAskedItemsOnly() throws IOException {
        Path data = dir.resolve("data");
        try (DataExport export = DataExport.open(data)) {
            Path csv = dir.resolve("team.csv");
            Files.writeString(csv, "query,docid,rating\nlove song,x-other,3\nambient,zz,1\n");
            export.importJudgments(csv, DataExport.JudgmentFormat.CSV, "team", false);
        }
        try (Workbench wb = open(data)) {
            SearchContext ctx = SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0));
            SearchResult first = wb.search("love song", ctx);
            String a = first.results().get(0).itemId();
            String b = first.results().get(1).itemId();
            wb.rate(first.searchId(), a, 3, "ana");
            wb.rate(first.searchId(), b, null, "ana");
            SearchResult other = wb.search("ambient", ctx);
            wb.rate(other.searchId(), other.results().getFirst().itemId(), 0, "bo");
            SearchResult again = wb.search("Love  Song", ctx);
            wb.rate(again.searchId(), a, 1, "bo");

            String q = again.analysis().normalized();
            List<EarlierJudgment> earlier = wb.earlierJudgments(q, List.of(a, b, "x-other"));
            assertThat(earlier).extracting(EarlierJudgment::itemId, EarlierJudgment::grade, EarlierJudgment::who,
                    EarlierJudgment::imported).containsExactly(tuple(a, 3, "ana", false), tuple(b, null, "ana", false),
                    tuple(a, 1, "bo", false), tuple("x-other", 3, "team", true));
            assertThat(earlier.getFirst().searchId()).isEqualTo(first.searchId());
            assertThat(wb.earlierJudgments(q, List.of("nothing"))).isEmpty();
        }
    }
}
