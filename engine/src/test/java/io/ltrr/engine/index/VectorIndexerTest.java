package io.ltrr.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.qu.CatalogTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexical index first, its vectors after (ADR 0013): the index searches without them and says so in its
 * fingerprint; a cancelled embedding keeps what it embedded and a second run embeds only the rest, ending with the
 * same vector index an uninterrupted run makes.
 */
class VectorIndexerTest {
    private static final IndexSettings SETTINGS = new IndexSettings(AnalyzerKind.FOLDING, true);

    @TempDir
    Path dir;

    /** 700 items: more than two embedding batches and than one commit of the progress store. */
    private static List<Item> catalog() {
        String[] words = {"love", "song", "ambient", "morning", "rain", "night", "bass", "horizon", "quiet", "drift"};
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            items.add(TestCatalogs.track("t" + i, words[i % 10] + " " + words[(i / 10) % 10], "Artist " + (i % 37),
                    "Album " + (i % 53), List.of(i % 2 == 0 ? "Ambient" : "Trip Hop"), 1990 + i % 30, (i % 100) / 100.0));
        }
        return items;
    }

    @Test
    void theLexicalIndexSearchesBeforeItsVectorsAndItsFingerprintSaysWhetherTheyAreComplete() {
        Path idx = dir.resolve("idx");
        CountingEmbedder model = new CountingEmbedder("fake-a");
        List<Item> items = catalog();
        new CatalogIndexer(() -> model).buildLexical(items, SETTINGS, idx, ProgressListener.NONE,
                CancellationToken.none());
        assertThat(model.embedded.get()).as("the lexical phase embeds nothing").isZero();
        try (CatalogIndex index = CatalogIndex.open(idx, model)) {
            assertThat(index.hasVectors()).isFalse();
            assertThat(index.vectorStatus()).isEqualTo(new VectorStatus("fake-a", 0, 700, false));
            assertThat(index.stats().fingerprint()).endsWith(IndexStats.VECTORS_PARTIAL);
            assertThat(index.stats().catalogFingerprint())
                    .isEqualTo(IndexFingerprint.of(items, SETTINGS, "fake-a"));
            assertThat(index.stats().hasVectors()).isFalse();
            assertThat(ArmRegistry.create(index, ArmSettings.music(), tagger(index), null))
                    .doesNotContainKey(DenseStrategy.ID).containsKey("bm25");
        }

        VectorStatus done = new VectorIndexer(() -> model).complete(idx, ProgressListener.NONE,
                CancellationToken.none());
        assertThat(done).isEqualTo(new VectorStatus("fake-a", 700, 700, true));
        assertThat(model.embedded.get()).isEqualTo(700);
        try (CatalogIndex index = CatalogIndex.open(idx, model)) {
            assertThat(index.hasVectors()).isTrue();
            assertThat(index.stats().fingerprint())
                    .isEqualTo(IndexFingerprint.of(items, SETTINGS, "fake-a") + IndexStats.VECTORS_COMPLETE);
            assertThat(index.stats().hasVectors()).isTrue();
            assertThat(ArmRegistry.create(index, ArmSettings.music(), tagger(index), null))
                    .containsKey(DenseStrategy.ID);
        }
        assertThat(new VectorIndexer(() -> model).complete(idx, ProgressListener.NONE, CancellationToken.none())
                .complete()).isTrue();
        assertThat(model.embedded.get()).as("complete vectors are not embedded again").isEqualTo(700);
    }

    @Test
    void aCancelledEmbeddingKeepsWhatItEmbeddedAndTheNextRunEmbedsOnlyTheRest() {
        Path idx = dir.resolve("idx");
        List<Item> items = catalog();
        CountingEmbedder first = new CountingEmbedder("fake-a");
        new CatalogIndexer(() -> first).buildLexical(items, SETTINGS, idx, ProgressListener.NONE,
                CancellationToken.none());
        CancellationToken cancel = new CancellationToken();
        ProgressListener cancelAfterFirstBatch = (phase, done, total) -> {
            if (phase.equals("embedding") && done >= 256) {
                cancel.cancel();
            }
        };
        assertThatThrownBy(() -> new VectorIndexer(() -> first).complete(idx, cancelAfterFirstBatch, cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(first.embedded.get()).isEqualTo(256);
        assertThat(VectorIndexer.status(idx)).isEqualTo(new VectorStatus("fake-a", 256, 700, false));

        CountingEmbedder second = new CountingEmbedder("fake-a");
        List<Long> progress = new ArrayList<>();
        new VectorIndexer(() -> second).complete(idx, (phase, done, total) -> {
            if (phase.equals("embedding")) {
                progress.add(done);
            }
        }, CancellationToken.none());
        assertThat(second.embedded.get()).as("only the items the first run did not keep").isEqualTo(700 - 256);
        assertThat(progress.getFirst()).as("the count starts where the first run stopped").isEqualTo(256);
        assertThat(VectorIndexer.status(idx).complete()).isTrue();

        Path whole = dir.resolve("whole");
        new CatalogIndexer(() -> new CountingEmbedder("fake-a")).build(items, SETTINGS, whole, ProgressListener.NONE,
                CancellationToken.none());
        try (CatalogIndex resumed = CatalogIndex.open(idx, second);
             CatalogIndex uninterrupted = CatalogIndex.open(whole, second)) {
            for (String q : List.of("love song", "quiet morning", "bass horizon")) {
                RetrievalRequest request = new RetrievalRequest(q, 1);
                CandidateList a = new DenseStrategy(resumed).retrieve(request, 20);
                CandidateList b = new DenseStrategy(uninterrupted).retrieve(request, 20);
                assertThat(a.candidates()).as(q).hasSize(20).isEqualTo(b.candidates());
            }
        }
    }

    @Test
    void anUpToDateLexicalIndexWithPartialVectorsIsCompletedByEnsureSayingSo() {
        Path idx = dir.resolve("idx");
        List<Item> items = catalog();
        CountingEmbedder model = new CountingEmbedder("fake-a");
        CatalogIndexer indexer = new CatalogIndexer(() -> model);
        assertThat(indexer.ensure(items, SETTINGS, idx, false, false, ProgressListener.NONE, CancellationToken.none())
                .stats().vectorsPending()).isTrue();
        CatalogIndexer.Ensured e = indexer.ensure(items, SETTINGS, idx, false, ProgressListener.NONE,
                CancellationToken.none());
        assertThat(e.rebuilt()).isTrue();
        assertThat(e.reason()).isEqualTo("embeddings resumed: 0 of 700 were done");
        assertThat(e.stats().hasVectors()).isTrue();
        assertThat(indexer.ensure(items, SETTINGS, idx, false, ProgressListener.NONE, CancellationToken.none())
                .rebuilt()).isFalse();
    }

    @Test
    void vectorsAreTakenOnlyForTheFingerprintAndModelTheyWereMadeFor() {
        Path idx = dir.resolve("idx");
        CountingEmbedder model = new CountingEmbedder("fake-a");
        new CatalogIndexer(() -> model).build(catalog(), SETTINGS, idx, ProgressListener.NONE,
                CancellationToken.none());
        String fingerprint = CatalogIndex.storedFingerprint(idx).orElseThrow();
        assertThat(VectorIndex.openIfComplete(idx, fingerprint, "fake-a")).isPresent().get()
                .satisfies(VectorIndex::close);
        assertThat(VectorIndex.openIfComplete(idx, fingerprint, "fake-b")).isEmpty();
        assertThat(VectorIndex.openIfComplete(idx, "another catalog", "fake-a")).isEmpty();
        assertThatThrownBy(() -> new VectorIndexer(() -> new CountingEmbedder("fake-b")).complete(
                dir.resolve("none"), ProgressListener.NONE, CancellationToken.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no index");
    }

    private static CatalogTagger tagger(CatalogIndex index) {
        return CatalogTagger.build(index.allItems());
    }

    /** A deterministic 8-d embedding of the text's bytes; counts the texts it embeds. */
    static final class CountingEmbedder implements TextEmbedder {
        final AtomicInteger embedded = new AtomicInteger();
        private final String id;

        CountingEmbedder(String id) {
            this.id = id;
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public float[] embed(String text) {
            float[] v = new float[8];
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                v[i % 8] += (bytes[i] * (i + 1)) % 17;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < 8; i++) {
                v[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (v[i] / Math.sqrt(norm));
            }
            return v;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded.addAndGet(texts.size());
            return texts.stream().map(this::embed).toList();
        }
    }
}
