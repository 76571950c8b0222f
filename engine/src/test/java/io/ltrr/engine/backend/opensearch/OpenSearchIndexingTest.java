package io.ltrr.engine.backend.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Bm25Config;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Building a catalog into a real OpenSearch server: an unchanged catalog is not indexed again, a changed one goes
 * into a new index that the alias moves to (the old one dropped), a cancelled build leaves the previous index
 * served and no build index behind, and progress reaches the total. Each test has its own index name on the
 * shared server.
 */
class OpenSearchIndexingTest {
    private static final IndexSettings LEXICAL = IndexSettings.music().withEmbeddings(false);
    private static OpenSearchClient client;

    @BeforeAll
    static void connect() {
        client = new OpenSearchClient(new OpenSearchSettings(OpenSearchTestServer.shared().url(), "unused", "", ""));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static OpenSearchIndexer.Ensured ensure(String name, List<Item> items, ProgressListener progress,
                                                    CancellationToken cancel) {
        try (OpenSearchClient c = new OpenSearchClient(client.settings().withIndex(name))) {
            return new OpenSearchIndexer(c, () -> {
                throw new AssertionError("no embedder is needed without embeddings");
            }).ensure(items, LEXICAL, Bm25Config.music(), false, progress, cancel);
        }
    }

    private static OpenSearchIndexer.Ensured ensure(String name, List<Item> items) {
        return ensure(name, items, ProgressListener.NONE, CancellationToken.none());
    }

    /** The concrete indexes the alias points at. */
    private static List<String> aliased(String alias) {
        List<String> out = new ArrayList<>();
        client.get("/_alias/" + alias).fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Every index whose name is the alias's or starts with "alias-". */
    private static List<String> indexesNamed(String alias) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : client.get("/_cat/indices?format=json")) {
            String index = row.path("index").asText();
            if (index.equals(alias) || index.startsWith(alias + "-")) {
                out.add(index);
            }
        }
        return out;
    }

    private static List<Item> generated(int n, String titlePrefix) {
        return IntStream.range(0, n).mapToObj(i -> TestCatalogs.track("g" + i, titlePrefix + " " + i,
                "Artist " + (i % 37), "Album " + (i % 11), List.of(i % 2 == 0 ? "Ambient" : "Trip Hop"),
                1990 + i % 30, (i % 100) / 100.0)).toList();
    }

    @Test
    void anUnchangedCatalogIsNotIndexedAgainAndItsFingerprintIsInTheMapping() {
        List<Item> items = TestCatalogs.music();
        OpenSearchIndexer.Ensured first = ensure("idx-uptodate", items);
        OpenSearchIndexer.Ensured second = ensure("idx-uptodate", items);

        assertThat(first.rebuilt()).isTrue();
        assertThat(first.reason()).isEqualTo("no index yet");
        assertThat(second.rebuilt()).isFalse();
        assertThat(second.reason()).isEqualTo("up to date");
        assertThat(second.stats().items()).isEqualTo(items.size());
        assertThat(second.stats().fingerprint()).isNotBlank().isEqualTo(first.stats().fingerprint());

        JsonNode mapping = client.get("/idx-uptodate/_mapping");
        assertThat(mapping.size()).as("one concrete index behind the alias").isEqualTo(1);
        JsonNode meta = mapping.elements().next().path("mappings").path("_meta");
        assertThat(meta.path(OpenSearchMapping.META_FINGERPRINT).asText()).isEqualTo(second.stats().fingerprint());
        assertThat(meta.path(OpenSearchMapping.META_ITEMS).asText()).isEqualTo(Integer.toString(items.size()));
        assertThat(aliased("idx-uptodate")).containsExactlyElementsOf(List.of(mapping.fieldNames().next()));
    }

    @Test
    void aChangedTitleIsIndexedIntoANewIndexThatTheAliasMovesTo() {
        List<Item> items = TestCatalogs.music();
        ensure("idx-rebuild", items);
        List<String> before = aliased("idx-rebuild");
        assertThat(before).hasSize(1);

        List<Item> changed = new ArrayList<>(items);
        Item t3 = changed.get(2);
        changed.set(2, TestCatalogs.track(t3.id(), "Velvet Lighthouse", t3.artist(), t3.album(), t3.styles(),
                t3.year(), t3.popularity()));
        OpenSearchIndexer.Ensured again = ensure("idx-rebuild", changed);

        assertThat(again.rebuilt()).isTrue();
        assertThat(again.reason()).isEqualTo("the catalog or the index settings changed");
        List<String> after = aliased("idx-rebuild");
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(after.getFirst()).startsWith("idx-rebuild-");
        assertThat(indexesNamed("idx-rebuild")).as("the old concrete index is dropped").containsExactlyElementsOf(after);

        try (OpenSearchBackend backend = OpenSearchBackend.open(client.settings().withIndex("idx-rebuild"),
                () -> null)) {
            List<Candidate> hits = backend.arms(ArmSettings.music(), CatalogTagger.build(changed), null, null)
                    .get("bm25").retrieve(new RetrievalRequest("velvet lighthouse", 1), 5).candidates();
            assertThat(hits).extracting(Candidate::itemId).first().isEqualTo("t3");
            assertThat(backend.itemById("t3")).map(Item::title).contains("Velvet Lighthouse");
            assertThat(backend.arms(ArmSettings.music(), CatalogTagger.build(changed), null, null).get("bm25")
                    .retrieve(new RetrievalRequest("orange horizon", 1), 5).candidates())
                    .extracting(Candidate::itemId).doesNotContain("t3");
        }
    }

    @Test
    void aCancelledBuildLeavesThePreviousIndexServedAndNoBuildIndexBehind() {
        List<Item> old = generated(600, "Old Tune");
        ensure("idx-cancel", old);
        List<String> served = aliased("idx-cancel");

        CancellationToken cancel = new CancellationToken();
        List<Long> seen = new ArrayList<>();
        ProgressListener cancelAfterFirstBatch = (phase, done, total) -> {
            seen.add(done);
            if (done >= OpenSearchIndexer.BATCH) {
                cancel.cancel();
            }
        };
        assertThatThrownBy(() -> ensure("idx-cancel", generated(600, "New Tune"), cancelAfterFirstBatch, cancel))
                .isInstanceOf(CancellationException.class);

        assertThat(seen).as("cancelled after the first batch, before the last").contains((long) OpenSearchIndexer.BATCH)
                .doesNotContain(600L);
        assertThat(aliased("idx-cancel")).isEqualTo(served);
        assertThat(indexesNamed("idx-cancel")).as("no leftover build index").containsExactlyElementsOf(served);
        try (OpenSearchBackend backend = OpenSearchBackend.open(client.settings().withIndex("idx-cancel"),
                () -> null)) {
            assertThat(backend.size()).isEqualTo(600);
            assertThat(backend.itemById("g5")).map(Item::title).contains("Old Tune 5");
        }
        assertThat(ensure("idx-cancel", old).rebuilt()).as("the previous index is still the current one").isFalse();
    }

    @Test
    void progressReachesTheTotal() {
        List<Item> items = generated(600, "Counted");
        List<long[]> reports = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        ensure("idx-progress", items, (phase, done, total) -> {
            reports.add(new long[] {done, total});
            phases.add(phase);
        }, CancellationToken.none());

        assertThat(reports).isNotEmpty();
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(600L));
        assertThat(reports.stream().mapToLong(r -> r[0]).toArray()).isSorted().startsWith(0L).endsWith(600L);
        assertThat(reports.stream().filter(r -> r[0] == 600L)).isNotEmpty();
        assertThat(phases).contains("indexing into OpenSearch");
        try (OpenSearchBackend backend = OpenSearchBackend.open(client.settings().withIndex("idx-progress"),
                () -> null)) {
            assertThat(backend.size()).isEqualTo(600);
        }
    }
}
