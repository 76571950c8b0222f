package io.ltrr.engine.bench;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.perf.BenchQueries;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.util.List;
import java.util.Map;

/**
 * The shipped sample catalog indexed once per JMH fork (lexical only: building the vectors takes minutes, so the
 * dense arm is timed by {@code ltrr bench} instead), with its tagger, a cold-started click memory, the arms and
 * 512 seeded benchmark queries.
 */
final class SearchFixture {
    private static SearchFixture shared;

    final CatalogIndex index;
    final CatalogTagger tagger;
    final InMemoryQueryMemory memory;
    final Map<String, RetrievalStrategy> arms;
    final List<String> queries;

    private SearchFixture(CatalogIndex index) {
        this.index = index;
        List<Item> items = index.allItems();
        // uncached: a benchmark cycling through its queries would otherwise time cache lookups
        this.tagger = CatalogTagger.build(items).uncached();
        this.memory = new InMemoryQueryMemory(5);
        for (Q2ePredictor.Prediction p : Q2ePredictor.predict(items)) {
            memory.predict(p.normalizedQuery(), p.itemId(), p.score());
        }
        this.arms = ArmRegistry.create(index, ArmSettings.music().withCacheEntries(0), tagger, memory);
        this.queries = BenchQueries.sample(items, 512, 7);
    }

    static synchronized SearchFixture get() {
        if (shared == null) {
            shared = new SearchFixture(SharedData.lexicalSampleIndex("ltrr-jmh-search"));
        }
        return shared;
    }
}
