package io.ltrr.engine.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.FolderCatalog;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.index.VectorIndexer;
import io.ltrr.engine.index.VectorStatus;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.RetrievalRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bge-small-en-v1.5 as a per-index choice (ADR 0015): names, the query instruction, the index records its model. */
class SecondEmbeddingModelTest {
    @TempDir
    Path tmp;

    @Test
    void modelsAreChosenByTheirCommandLineNames() {
        assertThat(EmbeddingModelKind.fromName("bge-small")).isEqualTo(EmbeddingModelKind.BGE_SMALL);
        assertThat(EmbeddingModelKind.fromName("MiniLM")).isEqualTo(EmbeddingModelKind.MINILM);
        assertThat(EmbeddingModelKind.defaultModel()).isEqualTo(EmbeddingModelKind.MINILM);
        assertThat(EmbeddingModelKind.fromModelId("bge-small-en-v1.5-q")).contains(EmbeddingModelKind.BGE_SMALL);
        assertThatThrownBy(() -> EmbeddingModelKind.fromName("bge-large"))
                .hasMessage("embedding model: unknown 'bge-large'; known: [minilm, bge-small]");
    }

    @Test
    void bgeQueriesCarryTheRetrievalInstructionAndDocumentsDoNot() {
        TextEmbedder bge = Embedders.shared(EmbeddingModelKind.BGE_SMALL);
        assertThat(bge.modelId()).isEqualTo(BgeSmallEmbedder.MODEL_ID);
        float[] query = bge.embedQuery("how do bats navigate");
        assertThat(query).hasSize(384).containsExactly(
                bge.embed(BgeSmallEmbedder.QUERY_PREFIX + "how do bats navigate"));
        assertThat(query).isNotEqualTo(bge.embed("how do bats navigate"));
        double norm = 0;
        for (float v : query) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        TextEmbedder minilm = Embedders.shared(EmbeddingModelKind.MINILM);
        assertThat(minilm.embedQuery("how do bats navigate")).containsExactly(minilm.embed("how do bats navigate"));
    }

    @Test
    void anIndexBuiltWithBgeRecordsItAndEmbedsItsQueriesWithIt() {
        List<Item> items = List.of(
                Item.document("bats", "Echolocation", "Bats emit calls and listen to the echoes to find their way."),
                Item.document("bread", "Sourdough", "A starter of flour and water leavens the dough."),
                Item.document("tides", "Tides", "The moon's gravity raises the oceans twice a day."));
        IndexSettings settings = IndexSettings.englishCollection().withEmbeddingModel("bge-small");
        // the caller's embedder is the default model's: an index of another model must never ask for it
        Supplier<TextEmbedder> defaultModel = () -> {
            throw new AssertionError("the default model was asked for");
        };
        ArmSettings arms = ArmSettings.collection();
        try (CatalogBackend index = Backends.collection(BackendChoice.embedded(), new DataLayout(tmp.resolve("data")),
                "tiny", items, settings, arms.bm25(), defaultModel, ProgressListener.NONE, CancellationToken.none())) {
            assertThat(index.embedder()).map(TextEmbedder::modelId).contains(BgeSmallEmbedder.MODEL_ID);
            CandidateList found = index.arms(arms, CatalogTagger.build(items), null, null).get(DenseStrategy.ID)
                    .retrieve(new RetrievalRequest("how do bats find their way in the dark", 1L), 3);
            assertThat(found.candidates().getFirst().itemId()).isEqualTo("bats");
        }
    }

    /** The window's path (ADR 0013): the lexical index first, the vectors later, in the model the index recorded. */
    @Test
    void vectorsEmbeddedAfterTheLexicalIndexUseTheModelTheIndexRecorded() {
        List<Item> items = List.of(
                Item.document("bats", "Echolocation", "Bats emit calls and listen to the echoes to find their way."),
                Item.document("bread", "Sourdough", "A starter of flour and water leavens the dough."));
        IndexSettings settings = IndexSettings.englishCollection().withEmbeddingModel("bge-small");
        Supplier<TextEmbedder> defaultModel = () -> {
            throw new AssertionError("the default model was asked for");
        };
        Path dir = tmp.resolve("lexical-first");
        // as Backends builds it: the indexer is given the settings' model; the embedding step (CatalogIndexing.embed)
        // only the default model's supplier
        new CatalogIndexer(Embedders.forModel(settings.embeddingModel(), defaultModel)).buildLexical(items, settings, dir, ProgressListener.NONE,
                CancellationToken.none());
        VectorStatus done = new VectorIndexer(defaultModel).complete(dir, ProgressListener.NONE,
                CancellationToken.none());
        assertThat(done).isEqualTo(new VectorStatus(BgeSmallEmbedder.MODEL_ID, 2, 2, true));
    }

    @Test
    void theFoldersIndexSettingsRememberTheModel() throws Exception {
        Path file = tmp.resolve("catalog.json");
        IndexSettings bge = IndexSettings.music().withEmbeddingModel(EmbeddingModelKind.BGE_SMALL);
        new FolderCatalog(CatalogSource.of(tmp.resolve("c.csv")), Optional.of(bge)).write(file);
        assertThat(Files.readString(file)).contains("\"embedding_model\"").contains("bge-small");
        assertThat(FolderCatalog.read(file).flatMap(FolderCatalog::settings)).contains(bge);
        // a file written before the model was remembered reads as the default model
        Files.writeString(file, "{\"path\": \"" + tmp.resolve("c.csv").toString().replace("\\", "\\\\")
                + "\", \"analyzer\": \"folding\", \"embeddings\": \"true\"}");
        assertThat(FolderCatalog.read(file).flatMap(FolderCatalog::settings).orElseThrow().embeddingModel())
                .isEqualTo(EmbeddingModelKind.MINILM);
    }
}
