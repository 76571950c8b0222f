package io.ltrr.engine.bench;

import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.perf.BenchQueries;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        this.tagger = CatalogTagger.build(items);
        this.memory = new InMemoryQueryMemory(5);
        for (Q2ePredictor.Prediction p : Q2ePredictor.predict(items)) {
            memory.predict(p.normalizedQuery(), p.itemId(), p.score());
        }
        this.arms = ArmRegistry.create(index, ArmSettings.music(), tagger, memory);
        this.queries = BenchQueries.sample(items, 512, 7);
    }

    static synchronized SearchFixture get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("ltrr-jmh-search");
                List<Item> items = Catalogs.load(sampleCatalog(), CatalogFormat.SAMPLE, null).items();
                new CatalogIndexer(() -> null).build(items, IndexSettings.music().withEmbeddings(false),
                        dir.resolve("idx"), ProgressListener.NONE, CancellationToken.none());
                shared = new SearchFixture(CatalogIndex.open(dir.resolve("idx"), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static Path sampleCatalog() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("sample-catalog").resolve("catalog.jsonl");
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IllegalStateException("sample-catalog/catalog.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
