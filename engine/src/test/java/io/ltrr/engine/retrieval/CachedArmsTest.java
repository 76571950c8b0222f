package io.ltrr.engine.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.qu.CatalogTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The result cache changes when an arm searches, never what it returns (sample catalog, seeded queries). */
class CachedArmsTest {
    static CatalogIndex index;
    static CatalogTagger tagger;
    static List<String> queries;

    @BeforeAll
    static void open() {
        index = SharedData.lexicalSampleIndex("ltrr-cached-arms");
        List<Item> items = index.allItems();
        tagger = CatalogTagger.build(items);
        SplittableRandom random = new SplittableRandom(11);
        queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Item item = items.get(random.nextInt(items.size()));
            String q = switch (i % 3) {
                case 0 -> item.title();
                case 1 -> (item.artist() == null ? "" : item.artist() + " ") + item.title();
                default -> item.styles().isEmpty() ? item.title() : item.styles().getFirst();
            };
            queries.add(q);
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void cachedAndUncachedArmsReturnTheSameCandidatesForEveryK() {
        Map<String, RetrievalStrategy> cached = ArmRegistry.create(index, ArmSettings.music(), tagger, null);
        Map<String, RetrievalStrategy> uncached = ArmRegistry.create(index, ArmSettings.music().withCacheEntries(0),
                tagger, null);
        int[] ks = {1, 10, 37, 100, 150};
        for (String arm : List.of(Bm25Strategy.ID, PopularityBm25Strategy.ID, StructuredStrategy.ID)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < queries.size(); i++) {
                    RetrievalRequest request = new RetrievalRequest(queries.get(i), tagger.analyze(queries.get(i)), 3);
                    int k = ks[(i + pass) % ks.length];
                    assertThat(cached.get(arm).retrieve(request, k))
                            .as("%s, '%s', k=%d, pass %d", arm, queries.get(i), k, pass)
                            .isEqualTo(uncached.get(arm).retrieve(request, k));
                }
            }
            CacheStats hot = cached.get(arm).resultCacheStats();
            assertThat(hot.requests()).isEqualTo(2L * queries.size());
            assertThat(hot.searches()).as(arm + ": the second pass repeats every query").isLessThan(hot.requests());
            assertThat(uncached.get(arm).resultCacheStats().searchesPerRequest()).isEqualTo(1.0);
        }
    }

    @Test
    void aRequestWithoutItsAnalysisFindsWhatOneWithItFinds() {
        StructuredStrategy structured = new StructuredStrategy(index, tagger);
        String q = queries.get(1);
        CandidateList without = structured.retrieve(new RetrievalRequest(q, 1), 20);
        CandidateList with = structured.retrieve(new RetrievalRequest(q, tagger.analyze(q), 1), 20);
        assertThat(with).isEqualTo(without);
        assertThat(structured.resultCacheStats()).isEqualTo(new CacheStats(2, 1));
    }

    @Test
    void theSeededExploreArmKeepsNoCache() {
        Map<String, RetrievalStrategy> arms = ArmRegistry.create(index, ArmSettings.music(), tagger, null);
        RetrievalRequest request = new RetrievalRequest(queries.getFirst(), 5);
        arms.get(ExploreStrategy.ID).retrieve(request, 10);
        assertThat(arms.get(ExploreStrategy.ID).resultCacheStats()).isEqualTo(CacheStats.NONE);
    }
}
