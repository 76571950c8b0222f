package io.ltrr.engine.bench;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.perf.BenchQueries;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.qu.QueryNormalizer;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.rewrite.RewriteModel;
import java.util.List;
import java.util.Map;

/**
 * The shipped sample catalog indexed once per JMH fork (lexical only: the dense arm has its own fixture, a smaller
 * catalog with vectors, in {@link DenseRetrievalJmh}), with its tagger, a cold-started click memory, the arms and
 * 512 seeded benchmark queries. The {@code rewrite} arm knows one rewrite per query: from the query cut by its last
 * character (as a user who stopped typing would leave it) to the query, learned as a successful reformulation.
 */
final class SearchFixture {
    private static SearchFixture shared;

    final CatalogIndex index;
    final CatalogTagger tagger;
    final InMemoryQueryMemory memory;
    final Map<String, RetrievalStrategy> arms;
    final List<String> queries;
    /** The queries cut by their last character: what the rewrite arm is asked. */
    final List<String> unfinished;

    private SearchFixture(CatalogIndex index) {
        this.index = index;
        List<Item> items = index.allItems();
        // uncached: a benchmark cycling through its queries would otherwise time cache lookups
        this.tagger = CatalogTagger.build(items).uncached();
        this.memory = new InMemoryQueryMemory(5);
        for (Q2ePredictor.Prediction p : Q2ePredictor.predict(items)) {
            memory.predict(p.normalizedQuery(), p.itemId(), p.score());
        }
        this.queries = BenchQueries.sample(items, 512, 7);
        this.unfinished = queries.stream().map(q -> q.substring(0, Math.max(1, q.length() - 1))).toList();
        RewriteModel rewrites = new RewriteModel();
        QueryNormalizer normalizer = new QueryNormalizer();
        for (int i = 0; i < queries.size(); i++) {
            rewrites.add(normalizer.normalize(unfinished.get(i)).text(), normalizer.normalize(queries.get(i)).text(),
                    true, 3);
        }
        this.arms = ArmRegistry.create(index, ArmSettings.music().withCacheEntries(0), tagger, memory, rewrites);
    }

    static synchronized SearchFixture get() {
        if (shared == null) {
            shared = new SearchFixture(SharedData.lexicalSampleIndex("ltrr-jmh-search"));
        }
        return shared;
    }
}
