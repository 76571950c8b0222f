package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's bandit loop: search = logged round, feedback = committed reward + policy update, restarts. */
class WorkbenchBanditTest {
    static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);
    static final List<String> QUERIES = List.of("love song", "ambient", "trip hop radio", "avalon", "tokyo rain",
            "quiet morning", "bass weight");

    @TempDir
    Path dir;

    private WorkbenchConfig config(Path data) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream()
                .filter(i -> i.text().isEmpty()).toList(), catalog);
        return new WorkbenchConfig(data, CatalogSource.of(catalog), new IndexSettings(
                io.ltrr.engine.index.AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L);
    }

    private Workbench open(Path data) throws IOException {
        Workbench wb = Workbench.open(config(data));
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    private static SearchContext ctx() {
        return SearchContext.anonymous(NOON);
    }

    @Test
    void aSearchIsALoggedRoundWithPropensitiesForEveryArm() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult r = wb.search("love song", ctx());
            assertThat(r.searchId()).startsWith("s-");
            Selection s = r.selection();
            assertThat(s.propensity().keySet()).containsAll(s.chosen());
            assertThat(s.propensity().values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            assertThat(s.candidates().values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(100);
            assertThat(r.results()).isNotEmpty();
            assertThat(r.results()).allSatisfy(ri -> assertThat(s.chosen()).containsAll(ri.provenance().keySet()));
            assertThat(wb.impression(r.searchId())).isPresent();
            assertThat(wb.logCounts()).containsEntry("searches", 1L);
        }
    }

    @Test
    void aClickRewardsExactlyTheChosenArmsThatHeldTheItem() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult r = wb.search("love song", ctx());
            RankedItem top = r.results().getFirst();
            FeedbackResult f = wb.click(r.searchId(), top.itemId());
            assertThat(f.pending()).as("counted when the search closes (ADR 0009)").isTrue();
            assertThat(f.updated()).isTrue();
            assertThat(f.rewards().keySet()).isEqualTo(java.util.Set.copyOf(r.selection().chosen()));
            for (String arm : r.selection().chosen()) {
                assertThat(f.rewards().get(arm)).isEqualTo(top.provenance().containsKey(arm) ? 1.0 : 0.0);
            }
            assertThat(wb.logCounts()).containsEntry("clicks", 1L);
        }
    }

    @Test
    void aRepeatedClickIsLoggedAndCountsOnceForLearning() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult r = wb.search("love song", ctx());
            String item = r.results().getFirst().itemId();
            FeedbackResult first = wb.click(r.searchId(), item);
            FeedbackResult again = wb.click(r.searchId(), item);
            assertThat(first.pending()).isTrue();
            assertThat(first.updated()).isTrue();
            assertThat(first.repeat()).isFalse();
            assertThat(again.repeat()).isTrue();
            assertThat(again.updated()).isFalse();
            assertThat(again.rewards()).isEmpty();
            assertThat(again.eventId()).isNotEqualTo(first.eventId());
            assertThat(wb.logCounts()).containsEntry("clicks", 2L);
        }
    }

    @Test
    void aRatingRewardsGradeOverThreeAndCantTellRewardsNothing() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult r = wb.search("ambient", ctx());
            RankedItem top = r.results().getFirst();
            FeedbackResult rated = wb.rate(r.searchId(), top.itemId(), 2, "ann");
            String holder = top.provenance().keySet().iterator().next();
            assertThat(rated.rewards().get(holder)).isCloseTo(2.0 / 3, within(1e-12));
            FeedbackResult cantTell = wb.rate(r.searchId(), top.itemId(), null, "ann");
            assertThat(cantTell.rewards()).isEmpty();
            assertThat(cantTell.updated()).isFalse();
            assertThat(cantTell.cantTell()).isTrue();
            assertThat(rated.cantTell()).isFalse();
        }
    }

    @Test
    void feedbackOnAnUnknownSearchOrItemIsRejectedClearly() throws IOException {
        try (Workbench wb = open(dir.resolve("d"))) {
            SearchResult r = wb.search("love song", ctx());
            assertThatThrownBy(() -> wb.click("s-999", "t1")).hasMessageContaining("s-999");
            assertThatThrownBy(() -> wb.click(r.searchId(), "no-such-item")).hasMessageContaining("no-such-item");
            assertThatThrownBy(() -> wb.rate(r.searchId(), r.results().getFirst().itemId(), 5, "a"))
                    .hasMessageContaining("grade");
            assertThat(wb.logCounts()).containsEntry("clicks", 0L).containsEntry("ratings", 0L);
        }
    }

    /** Drives n rounds: search, and click the first result of every third search. */
    private static List<Selection> drive(Workbench wb, int from, int n) {
        List<Selection> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            SearchResult r = wb.search(QUERIES.get(i % QUERIES.size()), ctx());
            out.add(r.selection());
            if (i % 3 == 0 && !r.results().isEmpty()) {
                wb.click(r.searchId(), r.results().getFirst().itemId());
            }
        }
        return out;
    }

    @Test
    void policyStateSurvivesARestartExactly() throws IOException {
        List<Selection> uninterrupted;
        try (Workbench wb = open(dir.resolve("one"))) {
            uninterrupted = drive(wb, 0, 520).subList(500, 520);
        }
        try (Workbench wb = open(dir.resolve("two"))) {
            drive(wb, 0, 500);
        }
        List<Selection> afterRestart;
        try (Workbench wb = open(dir.resolve("two"))) {
            afterRestart = drive(wb, 500, 20);
        }
        assertThat(afterRestart).isEqualTo(uninterrupted);
    }

    @Test
    void switchingPolicyIsRememberedAndResetForgetsLearning() throws IOException {
        Path data = dir.resolve("d");
        try (Workbench wb = open(data)) {
            wb.switchPolicy("linucb");
            drive(wb, 0, 30);
        }
        try (Workbench wb = open(data)) {
            assertThat(wb.policyId()).isEqualTo("linucb");
            assertThat(wb.search("ambient", ctx()).selection().round()).isEqualTo(30);
            wb.resetLearning();
            assertThat(wb.search("ambient", ctx()).selection().round()).isZero();
            assertThatThrownBy(() -> wb.switchPolicy("nope")).hasMessageContaining("thompson");
        }
    }
}
