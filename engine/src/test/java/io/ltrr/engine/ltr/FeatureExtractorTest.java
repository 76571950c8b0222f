package io.ltrr.engine.ltr;

import io.ltrr.engine.retrieval.ArmRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.TestCatalogs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureExtractorTest {
    @TempDir
    static Path dir;
    static CatalogIndex index;
    static CatalogTagger tagger;
    static InMemoryQueryMemory memory = new InMemoryQueryMemory(1.0);

    @BeforeAll
    static void build() {
        new CatalogIndexer(() -> null).build(TestCatalogs.music(), IndexSettings.music().withEmbeddings(false),
                dir.resolve("idx"), ProgressListener.NONE, CancellationToken.none());
        index = CatalogIndex.open(dir.resolve("idx"), (io.ltrr.engine.embed.TextEmbedder) null);
        tagger = CatalogTagger.build(TestCatalogs.music());
        memory.predict("love song", "t2", 0.4);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static RankingInput input(String query, List<String> profile) {
        Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
        union.put("t1", Map.of("bm25", new ArmHit(1, 8.0), "bm25-pop", new ArmHit(2, 3.0)));
        union.put("t2", Map.of("bm25", new ArmHit(2, 6.0)));
        union.put("t8", Map.of("explore", new ArmHit(1, 0.5)));
        return new RankingInput(tagger.analyze(query), new ContextVector(List.of("bias"), new double[] {1}),
                Map.of(), union, profile);
    }

    @Test
    void namesAreStableAndUnique() {
        assertThat(FeatureExtractor.NAMES).doesNotHaveDuplicates();
        assertThat(FeatureExtractor.NAMES).startsWith("arm.bm25.hit", "arm.bm25.rr", "arm.bm25.norm");
        assertThat(FeatureExtractor.NAMES).contains("bm25.title", "bm25.all", "item.popularity", "memory.q2e",
                "qu.artist_match", "profile.affinity", "x.entity.bm25_title", "dense.sim");
        assertThat(FeatureExtractor.NAMES).hasSize(ArmRegistry.IDS.size() * 3 + 2 + 5 + 16);
    }

    @Test
    void provenanceFeaturesAreHandCheckable() {
        FeatureMatrix m = new FeatureExtractor(io.ltrr.engine.retrieval.EmbeddedBackend.over(index), memory).extract(input("love song", List.of()));
        assertThat(m.rows().keySet()).containsExactly("t1", "t2", "t8");
        assertThat(m.value("t1", "arm.bm25.hit")).isEqualTo(1.0);
        assertThat(m.value("t1", "arm.bm25.rr")).isEqualTo(1.0);
        assertThat(m.value("t2", "arm.bm25.rr")).isEqualTo(0.5);
        assertThat(m.value("t2", "arm.bm25.norm")).isEqualTo(6.0 / 8.0);
        assertThat(m.value("t1", "arm.bm25-pop.norm")).isEqualTo(1.0);
        assertThat(m.value("t8", "arm.bm25.hit")).isZero();
        assertThat(m.value("t1", "arms.hits")).isEqualTo(2.0 / ArmRegistry.IDS.size());
        assertThat(m.value("t1", "rrf")).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
    }

    @Test
    void itemFeaturesComeFromTheCatalog() {
        FeatureMatrix m = new FeatureExtractor(io.ltrr.engine.retrieval.EmbeddedBackend.over(index), memory).extract(input("love song", List.of("Trip Hop")));
        assertThat(m.value("t1", "item.popularity")).isEqualTo(0.2);
        assertThat(m.value("t2", "item.popularity")).isEqualTo(0.9);
        assertThat(m.value("t1", "item.freshness")).isCloseTo((1998 - 1950) / 80.0, within(1e-12));
        assertThat(m.value("t1", "item.year_known")).isEqualTo(1.0);
        assertThat(m.value("t1", "profile.affinity")).isEqualTo(1.0);
        assertThat(m.value("t8", "profile.affinity")).isEqualTo(1.0);
        assertThat(m.value("t2", "memory.q2e")).isGreaterThan(0);
        assertThat(m.value("t1", "memory.q2e")).isZero();
    }

    @Test
    void fieldBm25ScoresOnlyMatchingFieldsScaledToTheRoundsBest() {
        FeatureMatrix m = new FeatureExtractor(io.ltrr.engine.retrieval.EmbeddedBackend.over(index), memory).extract(input("love song", List.of()));
        assertThat(m.value("t1", "bm25.title")).isEqualTo(1.0);
        assertThat(m.value("t2", "bm25.title")).isEqualTo(1.0);
        assertThat(m.value("t8", "bm25.title")).isZero();
        assertThat(m.value("t1", "bm25.artist")).isZero();
    }

    @Test
    void slotMatchFollowsTheInterpretedArtist() {
        FeatureMatrix m = new FeatureExtractor(io.ltrr.engine.retrieval.EmbeddedBackend.over(index), memory).extract(input("pearl taylor", List.of()));
        assertThat(m.value("t2", "qu.artist_match")).isGreaterThan(0.5);
        // "Harvey Taylor" is a less likely reading of the same words: its weight is its smaller likelihood.
        assertThat(m.value("t1", "qu.artist_match")).isLessThan(m.value("t2", "qu.artist_match") / 2);
        assertThat(m.value("t2", "bm25.artist")).isEqualTo(1.0);
    }
}
