package io.ltrr.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.backend.opensearch.OpenSearchTestServer;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.PopularityConfig;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arms' contract, run against both backends over the same hand-made catalog: the embedded Lucene index and
 * a real OpenSearch server (started by the test harness). Where the scoring is deterministic (bm25, bm25-pop,
 * structured, dense) the two backends must give the same items with the same scores; the seeded explore draw
 * has its own random source per backend, so its contract is its properties.
 */
class BackendContractTest {
    @TempDir
    static Path dir;
    static MiniLmEmbedder embedder;
    static final Map<String, CatalogBackend> BACKENDS = new LinkedHashMap<>();
    static List<Item> catalog;

    @BeforeAll
    static void build() {
        embedder = new MiniLmEmbedder();
        catalog = TestCatalogs.music();
        BACKENDS.put("embedded", open(BackendChoice.embedded(), dir.resolve("embedded")));
        BACKENDS.put("opensearch", open(BackendChoice.opensearch(OpenSearchTestServer.shared().url(),
                "contract-test", "", null), dir.resolve("opensearch")));
    }

    private static CatalogBackend open(BackendChoice choice, Path folder) {
        DataLayout layout = new DataLayout(folder);
        Backends.ensure(choice, layout, catalog, IndexSettings.music(), Bm25Config.music(), () -> embedder, true,
                ProgressListener.NONE, CancellationToken.none());
        return Backends.open(choice, layout, () -> embedder);
    }

    @AfterAll
    static void close() {
        BACKENDS.values().forEach(CatalogBackend::close);
    }

    static Stream<String> backends() {
        return Stream.of("embedded", "opensearch");
    }

    private static Map<String, RetrievalStrategy> arms(String backend, ArmSettings settings) {
        InMemoryQueryMemory memory = new InMemoryQueryMemory(5);
        memory.predict("love song", "t2", 0.8);
        QueryRewriter rewriter = q -> q.equals("luv song") ? Optional.of(new QueryRewriter.Rewrite(q, "love song", 0.9))
                : Optional.empty();
        return BACKENDS.get(backend).arms(settings, CatalogTagger.build(catalog), memory, rewriter);
    }

    private static List<String> ids(CandidateList list) {
        return list.candidates().stream().map(Candidate::itemId).toList();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyArmIsOfferedInDisplayOrder(String backend) {
        assertThat(arms(backend, ArmSettings.music()).keySet()).containsExactlyElementsOf(ArmRegistry.IDS);
        assertThat(BACKENDS.get(backend).hasVectors()).isTrue();
        assertThat(BACKENDS.get(backend).kind()).isEqualTo(backend);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void bm25FindsTitleMatchesFirstAndRanksContiguously(String backend) {
        CandidateList hits = arms(backend, ArmSettings.music()).get("bm25").retrieve(new RetrievalRequest("love song", 1), 10);
        assertThat(ids(hits).subList(0, 2)).containsExactlyInAnyOrder("t1", "t2");
        assertThat(hits.candidates()).extracting(Candidate::rank).startsWith(1, 2);
        assertThat(hits.candidates().get(0).score()).isGreaterThanOrEqualTo(hits.candidates().get(1).score());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void bm25FoldsAccentsSoPlainLettersFindNames(String backend) {
        CandidateList hits = arms(backend, ArmSettings.music()).get("bm25").retrieve(new RetrievalRequest("bjork", 1), 5);
        assertThat(ids(hits)).first().isEqualTo("t8");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void bm25ReturnsNothingForAQueryWithoutTerms(String backend) {
        CandidateList hits = arms(backend, ArmSettings.music()).get("bm25").retrieve(new RetrievalRequest("  ?! ", 1), 5);
        assertThat(hits.candidates()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void popularityBreaksTheTieBetweenSameTitledTracks(String backend) {
        ArmSettings titleOnly = ArmSettings.music().withBm25(new Bm25Config(1.2, 0.75, Map.of("title", 1f)));
        RetrievalRequest love = new RetrievalRequest("love song", 1);
        CandidateList plain = arms(backend, titleOnly).get("bm25").retrieve(love, 2);
        assertThat(plain.candidates().get(0).score()).isCloseTo(plain.candidates().get(1).score(), within(1e-6));
        assertThat(ids(arms(backend, titleOnly).get("bm25-pop").retrieve(love, 2))).containsExactly("t2", "t1");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void denseFindsSemanticNeighboursWithoutSharedWords(String backend) {
        CandidateList hits = arms(backend, ArmSettings.music()).get("dense")
                .retrieve(new RetrievalRequest("calm ambient music for the morning", 1), 3);
        assertThat(ids(hits)).contains("t7");
        assertThat(hits.candidates()).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void exploreDrawsItemsOnTheTopicReproduciblyAndLeavesOutTheBestMatches(String backend) {
        RetrievalStrategy explore = arms(backend, ArmSettings.music()).get("explore");
        // "orange horizon" matches t3 alone: its topic is t3's style, Ambient; t3 itself is not exploration
        CandidateList a = explore.retrieve(new RetrievalRequest("orange horizon", 7), 3);
        CandidateList b = explore.retrieve(new RetrievalRequest("orange horizon", 7), 3);
        assertThat(ids(a)).isEqualTo(ids(b)).hasSize(3).doesNotContain("t3");
        for (String id : ids(a)) {
            Item item = BACKENDS.get(backend).itemById(id).orElseThrow();
            assertThat(item.styles()).as(id).contains("Ambient");
        }
        List<List<String>> draws = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            draws.add(ids(explore.retrieve(new RetrievalRequest("orange horizon", seed), 1)));
        }
        assertThat(draws.stream().distinct().count()).as("other seeds draw other items").isGreaterThan(1);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void memoryAndRewriteWorkTheSameOverEveryBackend(String backend) {
        Map<String, RetrievalStrategy> arms = arms(backend, ArmSettings.music());
        assertThat(ids(arms.get("memory").retrieve(new RetrievalRequest("love song", 1), 5))).containsExactly("t2");
        CandidateList rewritten = arms.get("rewrite").retrieve(new RetrievalRequest("luv song", 1), 5);
        assertThat(rewritten.note()).contains("rewritten as 'love song'");
        assertThat(ids(rewritten).subList(0, 2)).containsExactlyInAnyOrder("t1", "t2");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyArmExplainsTheScoreItGave(String backend) {
        Map<String, RetrievalStrategy> arms = arms(backend, ArmSettings.music());
        RetrievalRequest request = new RetrievalRequest("love song", 1);
        for (String arm : List.of("bm25", "bm25-pop", "dense")) {
            Candidate top = arms.get(arm).retrieve(request, 3).candidates().getFirst();
            ScoreExplanation why = arms.get(arm).explain(request, top.itemId());
            assertThat(why.value()).as(arm).isCloseTo(top.score(), within(1e-3 * Math.max(1, top.score())));
            assertThat(why.toText()).as(arm).isNotBlank();
        }
        assertThat(arms.get("bm25").explain(request, "t6").value()).isZero();
        assertThat(arms.get("structured").explain(new RetrievalRequest("(val)liam", 1), "t3").details()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void itemsAreFetchedByIdInOrderWithNullForUnknownOnes(String backend) {
        CatalogBackend b = BACKENDS.get(backend);
        List<Item> items = b.items(List.of("t3", "nope", "t1"));
        assertThat(items.get(0).title()).isEqualTo("Orange Horizon");
        assertThat(items.get(1)).isNull();
        assertThat(items.get(2).title()).isEqualTo("Love Song");
        assertThat(b.itemById("s1")).map(Item::title).contains("Trip Hop Radio");
        assertThat(b.itemById("nope")).isEmpty();
        assertThat(b.allItems()).extracting(Item::id).containsExactlyInAnyOrderElementsOf(
                catalog.stream().map(Item::id).toList());
        assertThat(b.allItems()).containsExactlyInAnyOrderElementsOf(catalog);
        assertThat(b.size()).isEqualTo(catalog.size());
        assertThat(b.stats().items()).isEqualTo(catalog.size());
        assertThat(b.stats().itemsByType()).containsEntry("track", 8).containsEntry("artist", 1);
        assertThat(b.stats().analyzer()).isEqualTo("folding");
        assertThat(b.stats().hasVectors()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void fieldBm25ScoresOnlyTheGivenItems(String backend) {
        double[] scores = BACKENDS.get(backend).fieldBm25("title", "love song", List.of("t6", "t1", "unknown", "t2"));
        assertThat(scores[0]).isZero();
        assertThat(scores[1]).isPositive().isCloseTo(scores[3], within(1e-6));
        assertThat(scores[2]).isZero();
    }

    /** The deterministic arms score alike on both backends: same items, same order, same scores. */
    @Test
    void theDeterministicArmsGiveTheSameResultsOnBothBackends() {
        List<String> queries = List.of("love song", "ambient", "(val)liam drift", "trip hop 2005", "tokyo rain",
                "bjork", "bass weight dubstep", "quiet morning ambient");
        Map<String, RetrievalStrategy> embedded = arms("embedded", ArmSettings.music());
        Map<String, RetrievalStrategy> remote = arms("opensearch", ArmSettings.music());
        List<String> compared = new ArrayList<>();
        for (String arm : List.of("bm25", "bm25-pop", "structured", "dense")) {
            for (String q : queries) {
                RetrievalRequest r = new RetrievalRequest(q, 1);
                List<Candidate> a = embedded.get(arm).retrieve(r, 10).candidates();
                List<Candidate> b = remote.get(arm).retrieve(r, 10).candidates();
                assertThat(b).as(arm + " " + q).hasSameSizeAs(a);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i).score()).as(arm + " " + q + " #" + (i + 1))
                            .isCloseTo(a.get(i).score(), within(1e-4 * Math.max(1, a.get(i).score())));
                }
                assertThat(ids(new CandidateList(arm, b, ""))).as(arm + " " + q)
                        .containsExactlyInAnyOrderElementsOf(ids(new CandidateList(arm, a, "")));
                compared.add(arm + ":" + q);
            }
        }
        assertThat(compared).hasSize(32);
    }
}
