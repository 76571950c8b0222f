package io.ltrr.engine.bench;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.perf.BenchQueries;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.RetrievalRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code dense} arm: the query's MiniLM embedding alone, and the arm's retrieval of its top 100 (embedding
 * included, as the arm embeds the query itself) from an HNSW index of the sample catalog's first 3,000 items
 * (building all 30,417 items' vectors takes minutes), over 512 seeded catalog queries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DenseRetrievalJmh {
    static final int ITEMS = 3_000;

    private MiniLmEmbedder embedder;
    private CatalogIndex index;
    private DenseStrategy dense;
    private List<String> queries;
    private int next;

    @Setup
    public void setUp() throws IOException {
        List<Item> items = Catalogs.load(SharedData.sampleCatalogFile(), CatalogFormat.SAMPLE, null).items()
                .subList(0, ITEMS);
        embedder = new MiniLmEmbedder();
        Path dir = Files.createTempDirectory("ltrr-jmh-dense").resolve("idx");
        new CatalogIndexer(() -> embedder).build(items, IndexSettings.music(), dir, ProgressListener.NONE,
                CancellationToken.none());
        index = CatalogIndex.open(dir, embedder);
        dense = new DenseStrategy(index);
        queries = BenchQueries.sample(items, 512, 7);
    }

    @TearDown
    public void tearDown() {
        try {
            index.close();
        } catch (UncheckedIOException ignored) {
            // a temporary index
        }
    }

    @Benchmark
    public float[] embedQuery() {
        return embedder.embed(queries.get(next++ & 511));
    }

    @Benchmark
    public CandidateList retrieveTop100() {
        return dense.retrieve(new RetrievalRequest(queries.get(next++ & 511), 42), 100);
    }
}
