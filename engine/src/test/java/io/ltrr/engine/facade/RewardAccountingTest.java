package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADR 0009 through the facade: one pull per search, made when the search closes, each arm's best signal. */
class RewardAccountingTest {
    static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);

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

    private static SearchResult search(Workbench wb) {
        return wb.search("love song", SearchContext.anonymous(NOON));
    }

    private static long pulls(SearchResult r, String arm) {
        return r.selection().diagnostics().get(arm).pulls();
    }

    /** Every arm chosen in {@code first} was pulled once more by {@code next}'s time; the others not at all. */
    private static void assertOnePull(SearchResult first, SearchResult next, long expected) {
        for (String arm : first.selection().diagnostics().keySet()) {
            long more = first.selection().isChosen(arm) ? expected : 0;
            assertThat(pulls(next, arm)).as(arm).isEqualTo(pulls(first, arm) + more);
        }
    }

    @Test
    void aSearchRatedSixTimesIsOnePullOfEachChosenArmWhenRatingsTrain() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            wb.setRatingsTrain(true);
            SearchResult first = search(wb);
            int rated = 0;
            for (RankedItem ri : first.results()) {
                if (rated < 6) {
                    FeedbackResult f = wb.rate(first.searchId(), ri.itemId(), 3 - rated % 4, "ann");
                    assertThat(f.pending()).isTrue();
                    rated++;
                }
            }
            assertThat(rated).isGreaterThan(1);
            assertOnePull(first, search(wb), 1);
        }
    }

    @Test
    void annotatorsRatingsDoNotTrainByDefaultAndTheSettingIsRemembered() throws IOException {
        Path data = dir.resolve("d");
        try (Workbench wb = open(data)) {
            assertThat(wb.ratingsTrain()).isFalse();
            SearchResult first = search(wb);
            FeedbackResult rated = wb.rate(first.searchId(), first.results().getFirst().itemId(), 3, "ann");
            assertThat(rated.pending()).isTrue();
            assertThat(rated.updated()).as("a rating is no signal for the live policy").isFalse();
            assertOnePull(first, search(wb), 0);
            wb.setRatingsTrain(true);
        }
        try (Workbench wb = open(data)) {
            assertThat(wb.ratingsTrain()).isTrue();
        }
    }

    @Test
    void aSearchShownWithoutFeedbackIsAPullOfZeroAtTheUsersNextSearch() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult first = search(wb);
            SearchResult next = search(wb);
            assertOnePull(first, next, 1);
            for (String arm : first.selection().chosen()) {
                assertThat(next.selection().diagnostics().get(arm).mean()).as(arm)
                        .isLessThan(first.selection().diagnostics().get(arm).mean());
            }
        }
    }

    @Test
    void feedbackOnAClosedSearchIsLoggedOnly() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult first = search(wb);
            SearchResult next = search(wb);
            FeedbackResult late = wb.click(first.searchId(), first.results().getFirst().itemId());
            assertThat(late.pending()).isFalse();
            assertThat(late.updated()).isFalse();
            assertOnePull(next, search(wb), 1);
            assertThat(wb.logCounts()).containsEntry("clicks", 1L);
        }
    }
}
