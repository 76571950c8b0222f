package io.ltrr.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.CachingEmbedder;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.EmbeddedBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dense arm in simulation (issue 24): offered when the index has vectors, its query embeddings cached per
 * simulation, and the cache changes nothing: the same seed gives the same rounds with the cache on, off, or so
 * small that it evicts all the time.
 */
class DenseSimulationTest {
    private static final long SEED = 24L;
    private static final int ITEMS = 600;
    private static final int ROUNDS = 150;
    private static final MusicScenario DEFAULT = (MusicScenario) Scenarios.load("music-default");

    @TempDir
    static Path dir;
    static MiniLmEmbedder model;

    @BeforeAll
    static void index() throws IOException {
        model = new MiniLmEmbedder();
        List<Item> items = Catalogs.load(SharedData.sampleCatalogFile(), CatalogFormat.SAMPLE, null).items()
                .subList(0, ITEMS);
        new CatalogIndexer(() -> model).build(items, IndexSettings.music(), dir.resolve("idx"), ProgressListener.NONE,
                CancellationToken.none());
    }

    private record Run(List<String> rounds, CachingEmbedder cache, List<String> arms) {
    }

    private static Run run(int capacity) {
        CachingEmbedder cache = new CachingEmbedder(() -> model, capacity);
        try (CatalogIndex index = CatalogIndex.openLazily(dir.resolve("idx"), () -> cache);
             CatalogSimulation simulation = CatalogSimulation.over(EmbeddedBackend.over(index), ArmSettings.music())) {
            CatalogWorld world = simulation.world(DEFAULT, SEED);
            List<String> lines = new ArrayList<>();
            new Simulator(world).run(SimulationPolicies.create("thompson", SEED, world.featureNames()), ROUNDS,
                    m -> { }, o -> lines.add(o.query() + "|" + o.selection().chosen() + "|"
                            + Arrays.toString(o.expected()) + "|" + o.rewards() + "|" + o.shown() + "|" + o.ndcg10()),
                    ProgressListener.NONE, CancellationToken.none());
            return new Run(lines, cache, world.arms());
        }
    }

    @Test
    void denseIsOfferedWhenTheIndexHasVectorsAndTheCacheChangesNoRound() {
        Run cached = run(CachingEmbedder.DEFAULT_CAPACITY);
        Run uncached = run(0);
        Run tiny = run(3);
        assertThat(cached.arms()).contains(DenseStrategy.ID);
        assertThat(cached.rounds()).as("seed " + SEED).hasSize(ROUNDS).isEqualTo(uncached.rounds())
                .isEqualTo(tiny.rounds());
        assertThat(cached.rounds()).anyMatch(line -> line.contains(DenseStrategy.ID));
        // every round embeds its query (the oracle reads every offered arm's list); repeats come from the cache
        assertThat(cached.cache().requests()).isGreaterThanOrEqualTo(ROUNDS);
        assertThat(cached.cache().embedded()).isLessThan(cached.cache().requests());
        assertThat(uncached.cache().embedded()).isEqualTo(uncached.cache().requests());
        assertThat(cached.cache().size()).isLessThanOrEqualTo(CachingEmbedder.DEFAULT_CAPACITY);
    }
}
