package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.interleave.ShownTeams;
import io.ltrr.engine.interleave.Team;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.Impression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live team-draft interleaving: the page, its teams in the log, and clicks (then or later) crediting them. */
class InterleavedSearchTest {
    private static final SearchContext NOON = SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0));
    private static final RankerPair PAIR = new RankerPair("rrf", "pairwise");

    @TempDir
    Path dir;

    private WorkbenchConfig config() throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        return new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L);
    }

    private static Workbench open(WorkbenchConfig config) {
        Workbench wb = Workbench.open(config);
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    /** Clicked searches, then pairwise trained on them: a ranker with a model to compare with RRF. */
    private static void trainPairwise(Workbench wb) {
        for (String q : List.of("love song", "ambient", "trip hop radio", "avalon", "tokyo rain")) {
            SearchResult r = wb.search(q, NOON);
            wb.click(r.searchId(), r.results().get(Math.min(2, r.results().size() - 1)).itemId());
        }
        wb.trainRanker("pairwise");
    }

    private static SearchResult interleaved(Workbench wb, String query, RankerPair pair) {
        return wb.search(SearchRequest.of(query, NOON).withShown(10).withInterleave(pair));
    }

    /** The first of the queries whose interleaved page shows items of both teams (the bandit's arms vary). */
    private static SearchResult interleavedWithBothTeams(Workbench wb, String... queries) {
        for (String q : queries) {
            SearchResult r = interleaved(wb, q, PAIR);
            String codes = r.interleaving().orElseThrow().codes();
            if (codes.contains("A") && codes.contains("B")) {
                return r;
            }
        }
        throw new AssertionError("no page with both teams among " + List.of(queries));
    }

    private static String itemOf(Impression shown, Team team) {
        ShownTeams teams = ShownTeams.fromContext(shown.context()).orElseThrow();
        return shown.shown().stream().filter(s -> teams.at(s.position()).equals(Optional.of(team)))
                .findFirst().orElseThrow().itemId();
    }

    private static String itemOf(Workbench wb, SearchResult r, Team team) {
        return itemOf(wb.impression(r.searchId()).orElseThrow(), team);
    }

    @Test
    void thePageInterleavesBothRankersAndLogsEachPositionsTeam() throws IOException {
        try (Workbench wb = open(config())) {
            trainPairwise(wb);
            SearchResult r = interleaved(wb, "love song", PAIR);
            ShownTeams teams = r.interleaving().orElseThrow();
            assertThat(teams.rankers()).isEqualTo(PAIR);
            assertThat(r.rankerId()).isEqualTo("team-draft(rrf,pairwise)");
            assertThat(teams.codes()).hasSize(r.results().size());
            int a = 0;
            int b = 0;
            for (RankedItem ri : r.results()) {
                if (ri.exploration()) {
                    assertThat(teams.at(ri.position())).as("an exploration slot belongs to no team").isEmpty();
                    continue;
                }
                Team t = teams.at(ri.position()).orElseThrow();
                a += t == Team.A ? 1 : 0;
                b += t == Team.B ? 1 : 0;
                assertThat(Math.abs(a - b)).as("team draft keeps the teams within one pick").isLessThanOrEqualTo(1);
                assertThat(ri.explanation().description()).startsWith("team " + t + " (" + PAIR.of(t) + ")");
            }
            assertThat(wb.impression(r.searchId()).orElseThrow().context())
                    .containsEntry(ShownTeams.KEY_A, "rrf").containsEntry(ShownTeams.KEY_B, "pairwise")
                    .containsEntry(ShownTeams.KEY_TEAMS, teams.codes());
            assertThat(wb.search("love song", NOON).interleaving()).as("a plain search").isEmpty();
        }
    }

    @Test
    void clicksCreditTheirTeamsAndLaterClicksCountToo() throws IOException {
        WorkbenchConfig config = config();
        String later;
        try (Workbench wb = open(config)) {
            trainPairwise(wb);
            SearchResult first = interleavedWithBothTeams(wb, "trip hop radio", "love song", "ambient");
            wb.click(first.searchId(), itemOf(wb, first, Team.B));
            wb.click(first.searchId(), itemOf(wb, first, Team.B)); // a repeated click counts once
            interleaved(wb, "ambient", PAIR); // no click: a tie
            SearchResult both = interleavedWithBothTeams(wb, "trip hop radio", "love song", "ambient");
            wb.click(both.searchId(), itemOf(wb, both, Team.A));
            wb.click(both.searchId(), itemOf(wb, both, Team.B)); // one each: a tie
            wb.search("avalon", NOON); // not interleaved: not counted
            later = interleavedWithBothTeams(wb, "trip hop radio", "love song", "ambient").searchId();
            InterleavingComparison before = wb.interleaving(PAIR);
            assertThat(before.aWins()).isZero();
            assertThat(before.bWins()).isEqualTo(1);
            assertThat(before.ties()).isEqualTo(before.impressions() - 1);
        }
        try (Workbench wb = open(config)) {
            // Another process, later (as `ltrr feedback click` is): the click is credited from the log.
            long impressions = wb.interleaving(PAIR).impressions();
            wb.click(later, itemOf(wb.impression(later).orElseThrow(), Team.A));
            InterleavingComparison c = wb.interleaving(PAIR);
            assertThat(c).isEqualTo(new InterleavingComparison(PAIR, 1, 1, impressions - 2));
            assertThat(c.pValue()).isEqualTo(1.0);
            assertThat(wb.interleaving(PAIR.swapped()))
                    .isEqualTo(new InterleavingComparison(PAIR.swapped(), 1, 1, impressions - 2));
            assertThat(wb.interleavings()).containsExactly(c);
        }
    }

    @Test
    void aRankerThatCannotRankYetIsRefusedBeforeAnythingIsLogged() throws IOException {
        try (Workbench wb = open(config())) {
            assertThatThrownBy(() -> interleaved(wb, "love song", PAIR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot interleave: ranker 'pairwise' has no trained model yet");
            assertThatThrownBy(() -> interleaved(wb, "love song", new RankerPair("rrf", "nope")))
                    .hasMessageContaining("unknown ranker 'nope'");
            assertThat(wb.logCounts()).containsEntry("searches", 0L);
        }
    }

    @Test
    void aRankerAgainstItselfAlternatesTeamsOverTheSameOrder() throws IOException {
        try (Workbench wb = open(config())) {
            SearchResult same = interleaved(wb, "trip hop radio", new RankerPair("rrf", "rrf"));
            String codes = same.interleaving().orElseThrow().codes().replace("-", "");
            assertThat(codes).hasSizeGreaterThan(1);
            for (int i = 0; i + 1 < codes.length(); i += 2) {
                assertThat(codes.charAt(i)).isNotEqualTo(codes.charAt(i + 1));
            }
        }
    }
}
