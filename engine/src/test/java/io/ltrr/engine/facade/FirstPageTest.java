package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.SearchRequest;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.store.Impression;
import io.ltrr.engine.store.ShownItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first page of a fresh data folder on the shipped sample catalog (issue 18: "a clean first page"). */
class FirstPageTest {
    static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);
    /** Every arm of a folder without embeddings, so the round chooses explore too. */
    static final SelectionBudget ALL_ARMS = new SelectionBudget(6, 100, 10);

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** The sample catalog indexed once (no embeddings); each test copies the folder, so each starts fresh. */
    @BeforeAll
    static void indexSampleCatalog() {
        try (Workbench wb = Workbench.open(config(shared.resolve("template"), 42L))) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
    }

    static WorkbenchConfig config(Path data, long seed) {
        return new WorkbenchConfig(data, CatalogSource.of(SharedData.sampleCatalogFile()),
                IndexSettings.music().withEmbeddings(false), ArmSettings.music(), seed);
    }

    /** A fresh data folder holding the indexed sample catalog and an empty log. */
    Workbench fresh(String name, long seed) {
        Path target = dir.resolve(name);
        Path template = shared.resolve("template");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path p : files.toList()) {
                Path rel = template.relativize(p);
                if (rel.toString().startsWith("feedback") || rel.toString().endsWith(".lock")) {
                    continue;
                }
                Files.copy(p, target.resolve(rel.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Workbench wb = Workbench.open(config(target, seed));
        assertThat(wb.hasIndex()).isTrue();
        assertThat(wb.logCounts()).containsEntry("searches", 0L);
        return wb;
    }

    private static SearchRequest request(String query) {
        return SearchRequest.of(query, SearchContext.anonymous(NOON)).withShown(10);
    }

    @Test
    void taylerLoveShowsTylerSanfordsItemsOnTheFirstPageWhateverTheFirstRoundChooses() {
        for (long seed : List.of(42L, 1L, 2L, 3L, 4L, 5L)) {
            try (Workbench wb = fresh("tayler-" + seed, seed)) {
                SearchResult r = wb.search(request("tayler love"));
                assertThat(r.analysis().top().description()).as("seed %d", seed).contains("Tyler Sanford");
                assertThat(r.results()).as("seed %d: first page %s chosen %s", seed, titles(r), r.selection().chosen())
                        .anySatisfy(ri -> assertThat(artist(r, ri)).isEqualTo("Tyler Sanford"));
            }
        }
    }

    @Test
    void anArmThatWouldRetrieveNothingIsNotOfferedOnAFreshFolder() {
        try (Workbench wb = fresh("memory", 42L)) {
            SearchResult first = wb.search(request("tayler love"));
            assertThat(first.selection().propensity()).doesNotContainKey("memory");
            SearchResult again = wb.search(request("tayler love"));
            assertThat(again.selection().propensity()).as("the memory knows the query once it was shown")
                    .containsKey("memory");
        }
    }

    @Test
    void explorationIsBoundedToMarkedSlotsAndStaysLoggedWithItsPropensity() {
        try (Workbench wb = fresh("explore", 42L)) {
            SearchResult r = wb.search(request("ambient piano").withBudget(ALL_ARMS));
            assertThat(r.selection().chosen()).contains("explore");
            assertThat(r.lists().get("explore").size()).isGreaterThan(2);
            List<RankedItem> marked = r.results().stream().filter(RankedItem::exploration).toList();
            assertThat(marked).extracting(RankedItem::position).containsExactly(4, 8);
            assertThat(marked).allSatisfy(ri -> assertThat(ri.provenance().keySet()).containsExactly("explore"));
            assertThat(r.results()).filteredOn(ri -> !ri.exploration())
                    .allSatisfy(ri -> assertThat(ri.provenance().keySet()).isNotEqualTo(java.util.Set.of("explore")));
            Impression logged = wb.impression(r.searchId()).orElseThrow();
            assertThat(logged.selection().propensity()).containsKey("explore");
            assertThat(logged.shown()).filteredOn(s -> s.position() == 4 || s.position() == 8)
                    .extracting(ShownItem::itemId).containsExactlyElementsOf(marked.stream().map(RankedItem::itemId).toList());
        }
    }

    @Test
    void maxExploreZeroShowsNoExplorationResultAndThreeShowsThree() {
        try (Workbench wb = fresh("explore-n", 42L)) {
            SearchResult none = wb.search(request("ambient piano").withBudget(ALL_ARMS).withMaxExplore(0));
            assertThat(none.selection().chosen()).contains("explore");
            assertThat(none.results()).noneMatch(RankedItem::exploration)
                    .noneMatch(ri -> ri.provenance().keySet().equals(java.util.Set.of("explore")));
            SearchResult three = wb.search(request("ambient piano").withBudget(ALL_ARMS).withShown(20).withMaxExplore(3));
            assertThat(three.results()).filteredOn(RankedItem::exploration).extracting(RankedItem::position)
                    .containsExactly(4, 8, 12);
        }
    }

    @Test
    void fusionRanksTheLivePageWithoutAModelAndExplainsEachArm() {
        try (Workbench wb = fresh("fusion", 42L)) {
            SearchResult r = wb.search(request("love song").withRanker("fusion"));
            assertThat(r.rankerId()).isEqualTo("fusion");
            assertThat(r.warnings()).isEmpty();
            assertThat(r.results()).isNotEmpty();
            assertThat(r.results()).filteredOn(ri -> !ri.exploration()).allSatisfy(ri -> {
                assertThat(ri.explanation().description()).contains("min-max");
                assertThat(ri.explanation().details()).isNotEmpty()
                        .allSatisfy(d -> assertThat(d.description()).contains("weight"));
            });
            wb.switchRanker("fusion:rrf:k=20");
            SearchResult spec = wb.search(request("love song"));
            assertThat(spec.rankerId()).isEqualTo("fusion:rrf:k=20");
            assertThat(spec.warnings()).isEmpty();
        }
    }

    @Test
    void aRankerWithoutATrainedModelFallsBackToRrfAndSaysWhy() {
        List<String> rrfOrder;
        try (Workbench wb = fresh("rrf", 42L)) {
            SearchResult r = wb.search(request("love song"));
            assertThat(r.warnings()).isEmpty();
            rrfOrder = r.results().stream().map(RankedItem::itemId).toList();
        }
        try (Workbench wb = fresh("lambdamart", 42L)) {
            wb.switchRanker("lambdamart");
            SearchResult r = wb.search(request("love song"));
            assertThat(r.rankerId()).isEqualTo("rrf");
            assertThat(r.warnings()).singleElement().asString()
                    .contains("lambdamart").contains("no trained model").contains("rrf");
            assertThat(r.results()).allSatisfy(ri -> assertThat(ri.score()).isPositive());
            assertThat(r.results()).extracting(RankedItem::itemId).containsExactlyElementsOf(rrfOrder);
            SearchResult asked = wb.search(request("love song").withRanker("pairwise"));
            assertThat(asked.warnings()).singleElement().asString().contains("pairwise");
        }
    }

    private static String artist(SearchResult r, RankedItem ri) {
        Item i = r.items().get(ri.itemId());
        return i == null ? "" : i.artist().isEmpty() ? i.title() : i.artist();
    }

    private static List<String> titles(SearchResult r) {
        return r.results().stream().map(ri -> r.items().get(ri.itemId()).title() + "/" + artist(r, ri)).toList();
    }
}
