package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmsTest {
    @TempDir
    static Path dir;
    static CatalogIndex index;

    @BeforeAll
    static void build() {
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        new CatalogIndexer(() -> embedder).build(TestCatalogs.music(), IndexSettings.music(), dir.resolve("idx"),
                ProgressListener.NONE, CancellationToken.none());
        index = CatalogIndex.open(dir.resolve("idx"), embedder);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> ids(CandidateList list) {
        return list.candidates().stream().map(Candidate::itemId).toList();
    }

    @Test
    void bm25FindsTitleMatchesFirstAndRanksContiguously() {
        CandidateList hits = new Bm25Strategy(index, Bm25Config.music()).retrieve(new RetrievalRequest("love song", 1), 10);
        assertThat(ids(hits).subList(0, 2)).containsExactlyInAnyOrder("t1", "t2");
        assertThat(hits.candidates()).extracting(Candidate::rank).startsWith(1, 2);
        assertThat(hits.candidates().get(0).score()).isGreaterThanOrEqualTo(hits.candidates().get(1).score());
    }

    @Test
    void bm25FoldsAccentsSoPlainLettersFindNames() {
        CandidateList hits = new Bm25Strategy(index, Bm25Config.music()).retrieve(new RetrievalRequest("bjork", 1), 5);
        assertThat(ids(hits)).first().isEqualTo("t8");
    }

    @Test
    void bm25ReturnsNothingForQueryWithoutTerms() {
        CandidateList hits = new Bm25Strategy(index, Bm25Config.music()).retrieve(new RetrievalRequest("  ?! ", 1), 5);
        assertThat(hits.candidates()).isEmpty();
        assertThat(hits.note()).contains("no searchable term");
    }

    @Test
    void popularityBreaksTheTieBetweenSameTitledTracks() {
        RetrievalRequest love = new RetrievalRequest("love song", 1);
        CandidateList plain = new Bm25Strategy(index, new Bm25Config(1.2, 0.75,
                java.util.Map.of("title", 1f))).retrieve(love, 2);
        assertThat(plain.candidates().get(0).score()).isEqualTo(plain.candidates().get(1).score());
        CandidateList pop = new PopularityBm25Strategy(index, new Bm25Config(1.2, 0.75, java.util.Map.of("title", 1f)),
                PopularityConfig.defaults()).retrieve(love, 2);
        assertThat(ids(pop)).containsExactly("t2", "t1");
    }

    @Test
    void denseFindsSemanticNeighboursWithoutSharedWords() {
        CandidateList hits = new DenseStrategy(index).retrieve(new RetrievalRequest("calm ambient music for the morning", 1), 3);
        assertThat(ids(hits)).contains("t7");
        assertThat(hits.candidates()).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
    }

    @Test
    void exploreDrawsLongTailItemsOnTheTopicAndIsReproducible() {
        ExploreStrategy explore = new ExploreStrategy(index);
        CandidateList a = explore.retrieve(new RetrievalRequest("orange horizon", 42), 3);
        CandidateList b = explore.retrieve(new RetrievalRequest("orange horizon", 42), 3);
        assertThat(ids(a)).isEqualTo(ids(b)).isNotEmpty().doesNotContain("t3");
        assertThat(a.candidates()).allSatisfy(c -> assertThat(index.itemById(c.itemId()).orElseThrow().styles())
                .containsAnyOf("Ambient", "Chillout"));
    }

    @Test
    void everyArmExplainsAScoreItGave() {
        RetrievalRequest r = new RetrievalRequest("love song", 1);
        ScoreExplanation e = new Bm25Strategy(index, Bm25Config.music()).explain(r, "t1");
        assertThat(e.value()).isPositive();
        assertThat(e.toText()).contains("title");
    }

    @Test
    void bm25ConfigRejectsBadValuesNamingTheField() {
        assertThatThrownBy(() -> new Bm25Config(-1, 0.5, java.util.Map.of("all", 1f))).hasMessageContaining("k1");
        assertThatThrownBy(() -> new Bm25Config(1, 1.5, java.util.Map.of("all", 1f))).hasMessageContaining("b must");
        assertThatThrownBy(() -> new Bm25Config(1, 0.5, java.util.Map.of("nope", 1f))).hasMessageContaining("nope");
        assertThat(Bm25Config.parseFields("title^3, artist^2.5,all")).containsEntry("title", 3f)
                .containsEntry("artist", 2.5f).containsEntry("all", 1f);
    }
}
