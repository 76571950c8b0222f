package io.ltrr.engine.sim;

import io.ltrr.engine.api.BackendChoice;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.embed.CachingEmbedder;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Bm25Strategy;
import io.ltrr.engine.retrieval.CacheStats;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.MemoryStrategy;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.RewriteStrategy;
import io.ltrr.engine.rewrite.InMemoryReformulationLog;
import io.ltrr.engine.rewrite.ReformulationConfig;
import io.ltrr.engine.rewrite.ReformulationDetector;
import io.ltrr.engine.rewrite.ReformulationTracker;
import io.ltrr.engine.rewrite.RewriteModel;
import io.ltrr.engine.round.RoundEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a catalog simulation shares across runs, built once from an open index: the items, the QU tagger,
 * the retrieval arms, the cold-start click-memory predictions and the intent tables. Each {@link #world} gets a
 * fresh click memory (the memory learns from one policy's clicks, so runs must not share it) and the memory arm
 * over it, and, when the scenario's users retry failed searches, its own reformulation tracker and the rewrite arm
 * over that. Close it to close an index it opened itself.
 */
public final class CatalogSimulation implements AutoCloseable {
    /** Pseudo-impressions of a cold-start prediction in the simulated click memory. */
    static final double MEMORY_ALPHA = 5;
    /** Query analyses the simulation's tagger keeps: its worlds and seeds ask the same queries again. */
    static final int CACHED_ANALYSES = 16_384;

    private final CatalogBackend index;
    private final boolean ownsIndex;
    private final List<Item> items;
    private final CatalogTagger tagger;
    private final Map<String, RetrievalStrategy> baseArms;
    private final List<Q2ePredictor.Prediction> predictions;
    private final Map<List<Integer>, MusicIntents> intentsByStyles = new LinkedHashMap<>();

    private CatalogSimulation(CatalogBackend index, boolean ownsIndex, ArmSettings settings) {
        this.index = index;
        this.ownsIndex = ownsIndex;
        this.items = index.allItems();
        this.tagger = CatalogTagger.build(items).withCachedQueries(CACHED_ANALYSES);
        // dense takes part when the catalog has vectors and a query embedder (open gives it a cached one: simulated
        // queries repeat); the memory arm is added per world, over that world's own in-memory click memory
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>(index.arms(settings.forSimulation(), tagger,
                null, null));
        if (!index.hasVectors() || index.embedder().isEmpty()) {
            arms.remove(DenseStrategy.ID);
        }
        this.baseArms = java.util.Collections.unmodifiableMap(arms);
        this.predictions = Q2ePredictor.predict(items);
    }

    /**
     * Over a catalog the caller keeps open (and closes). The {@code dense} arm takes part when the catalog has vectors
     * and a query embedder, embedding through that embedder: give the catalog a {@link CachingEmbedder}, as
     * {@link #open} does, or every simulated round embeds its query anew.
     */
    public static CatalogSimulation over(CatalogBackend index, ArmSettings settings) {
        return new CatalogSimulation(index, false, settings);
    }

    /**
     * Opens the catalog of a data folder in the folder's backend: the lexical, structured, explore and memory arms
     * take part, and {@code dense} when the index has vectors. Its query embedder is this simulation's own
     * {@link CachingEmbedder} of {@value CachingEmbedder#DEFAULT_CAPACITY} texts (at most 10,000 × 384 × 4 bytes =
     * 15.4 MB of MiniLM vectors; the model loads on the first query to embed), shared by every world of the
     * simulation: a query's vector is the same whoever embeds it first, so the cache changes no result.
     *
     * @throws IllegalStateException when the data folder has no index yet
     */
    public static CatalogSimulation open(Path dataDir, ArmSettings settings) {
        DataLayout layout = new DataLayout(dataDir);
        return open(dataDir, settings, BackendChoice.read(layout.backend()).orElseGet(BackendChoice::embedded));
    }

    /** As {@link #open(Path, ArmSettings)}, over the catalog in the given backend. */
    public static CatalogSimulation open(Path dataDir, ArmSettings settings, BackendChoice backend) {
        CachingEmbedder embedder = CachingEmbedder.miniLm();
        return new CatalogSimulation(Backends.open(backend, new DataLayout(dataDir), () -> embedder), true, settings);
    }

    public List<Item> items() {
        return items;
    }

    /** The catalog (learned rankers' features read it). */
    CatalogBackend index() {
        return index;
    }

    /** The fingerprint of the catalog index the simulation runs over (a policy prior names it). */
    public String catalogFingerprint() {
        return index.stats().fingerprint();
    }

    /** How often the simulation's exact arms answered from their result caches so far (all its worlds). */
    public CacheStats resultCacheStats() {
        return CacheStats.of(baseArms);
    }

    /** The arm ids available, the memory arm included. */
    public List<String> availableArms() {
        List<String> ids = new ArrayList<>(baseArms.keySet());
        ids.add(MemoryStrategy.ID);
        return ids;
    }

    /** A fresh world for one run of the scenario, ranked by reciprocal-rank fusion. */
    public CatalogWorld world(MusicScenario scenario, long seed) {
        return world(scenario, seed, RrfRanker.ID);
    }

    /**
     * A fresh world for one run of the scenario, ranked by the ranker {@code rankerId} of {@link SimRankers} (a
     * learned one learns from this world's clicks, its memory feature reading this world's click memory).
     */
    public CatalogWorld world(MusicScenario scenario, long seed, String rankerId) {
        InMemoryQueryMemory memory = new InMemoryQueryMemory(MEMORY_ALPHA);
        for (Q2ePredictor.Prediction p : predictions) {
            memory.predict(p.normalizedQuery(), p.itemId(), p.score());
        }
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>(baseArms);
        arms.put(MemoryStrategy.ID, new MemoryStrategy(memory));
        List<String> offered = new ArrayList<>(scenario.arms().isEmpty() ? availableArms() : scenario.arms());
        // Each world learns rewrites only from its own users' retries, like the memory from its own clicks.
        ReformulationTracker tracker = new ReformulationTracker(new InMemoryReformulationLog(),
                new ReformulationDetector(ReformulationConfig.defaults()), new RewriteModel());
        QueryRewriter rewriter = QueryRewriter.NONE;
        if (scenario.reformulate().offersRewrite()) {
            rewriter = tracker.model();
            // As ArmRegistry.create(…, rewriter) builds it: the rewritten query searched by this simulation's BM25.
            arms.put(RewriteStrategy.ID, new RewriteStrategy(rewriter, baseArms.get(Bm25Strategy.ID)));
            if (scenario.arms().isEmpty()) {
                offered.add(RewriteStrategy.ID);
            }
        }
        ArmRegistry.requireKnown(offered, arms);
        long engineSeed = RandomStreams.mix(seed, -2, 0xe9);
        RoundEngine engine = new RoundEngine(arms, tagger, memory, engineSeed, rewriter);
        StyleTable styles = new StyleTable(items, scenario.frequentStyles());
        MusicIntents intents = intentsByStyles.computeIfAbsent(
                List.of(scenario.frequentStyles(), scenario.spearfishingHead()),
                k -> new MusicIntents(items, styles, scenario.spearfishingHead()));
        UserPopulation users = new UserPopulation(scenario.users(), scenario.voiceShare(), styles, seed);
        Ranker ranker = SimRankers.create(rankerId, scenario, seed, () -> new FeatureExtractor(index, memory));
        return new CatalogWorld(engine, engineSeed, memory, offered, scenario, ranker, users, intents, seed,
                new SessionRetries(scenario.reformulate(), tracker, seed));
    }

    @Override
    public void close() {
        if (ownsIndex) {
            index.close();
        }
    }
}
