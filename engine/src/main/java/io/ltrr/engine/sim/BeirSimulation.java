package io.ltrr.engine.sim;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.catalog.BeirCorpusReader;
import io.ltrr.engine.catalog.LoadResult;
import io.ltrr.engine.eval.BeirCollection;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.round.RoundEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything simulations on one BEIR collection share across runs, built once: the collection's judged queries
 * ({@link BeirIntents}), its corpus index, the QU tagger and the retrieval arms. The index is built without
 * embeddings (no dense arm: embedding the corpus's documents would take minutes on first use; the catalog
 * simulation offers dense, with cached query embeddings, because the catalog's own index has vectors) in its own
 * folder under the data folder's collection indexes, so it never displaces the embedded index {@code ltrr eval}
 * keeps for dense.
 * Each {@link #world} gets a fresh click memory, as catalog worlds do. Close it to close the index.
 */
public final class BeirSimulation implements AutoCloseable {
    private final BeirCollection collection;
    private final CatalogIndex index;
    private final CatalogTagger tagger;
    private final Map<String, RetrievalStrategy> baseArms;
    private final BeirIntents intents;

    private BeirSimulation(BeirCollection collection, CatalogIndex index, CatalogTagger tagger) {
        this.collection = collection;
        this.index = index;
        this.tagger = tagger;
        // no click memory here: each world brings its own; the lexical, structured and explore arms remain
        Map<String, RetrievalStrategy> arms = new LinkedHashMap<>(ArmRegistry.create(index, ArmSettings.collection(),
                tagger, null));
        arms.remove(DenseStrategy.ID);
        this.baseArms = Collections.unmodifiableMap(arms);
        this.intents = new BeirIntents(collection);
    }

    /**
     * Loads the collection's split (null: its default split), and indexes its corpus under {@code dataDir} unless
     * an index of the same documents and settings is already there.
     *
     * @throws IllegalArgumentException when the split does not exist or nothing in it is judged relevant
     */
    public static BeirSimulation open(Path collectionDir, String split, Path dataDir, ProgressListener progress,
                                      CancellationToken cancel) throws IOException {
        BeirCollection collection = split == null ? BeirCollection.load(collectionDir)
                : BeirCollection.load(collectionDir, split);
        LoadResult corpus = new BeirCorpusReader().read(collectionDir);
        if (corpus.loaded() == 0) {
            throw new IllegalArgumentException("the corpus of " + collectionDir + " has no loadable document");
        }
        Path dir = new DataLayout(dataDir).collectionIndex(indexName(collectionDir));
        new CatalogIndexer(() -> null).ensure(corpus.items(), IndexSettings.englishCollection().withEmbeddings(false),
                dir, false, progress, cancel);
        CatalogIndex index = CatalogIndex.open(dir, null);
        try {
            return new BeirSimulation(collection, index, CatalogTagger.build(corpus.items()));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    public BeirCollection collection() {
        return collection;
    }

    /** How many judged queries users draw from. */
    public int intentCount() {
        return intents.size();
    }

    /** The arm ids available on the collection. */
    public List<String> availableArms() {
        return new ArrayList<>(baseArms.keySet());
    }

    /** A fresh world for one run of the scenario. */
    public BeirWorld world(BeirScenario scenario, long seed) {
        // The memory only records the run's clicks (the round engine observes into it); it is not offered as an arm.
        InMemoryQueryMemory memory = new InMemoryQueryMemory(CatalogSimulation.MEMORY_ALPHA);
        List<String> offered = scenario.arms().isEmpty() ? availableArms() : scenario.arms();
        ArmRegistry.requireKnown(offered, baseArms);
        // The same derivation as catalog worlds: the engine's own stream never collides with traffic or clicks.
        long engineSeed = RandomStreams.mix(seed, -2, 0xe9);
        RoundEngine engine = new RoundEngine(baseArms, tagger, memory, engineSeed);
        UserPopulation users = UserPopulation.withoutTastes(scenario.users(), scenario.voiceShare(), seed);
        CatalogWorld rounds = new CatalogWorld(engine, engineSeed, memory, offered, scenario.asCatalogScenario(),
                new RrfRanker(), users, intents, seed, new SessionRetries(Reformulate.OFF, null, seed));
        return new BeirWorld(rounds, scenario);
    }

    @Override
    public void close() {
        index.close();
    }

    /** A folder per collection path, readable and distinct for two collections of the same name; no vectors. */
    static String indexName(Path collection) {
        Path abs = collection.toAbsolutePath().normalize();
        return abs.getFileName() + "-" + Integer.toHexString(abs.toString().hashCode()) + "-lexical";
    }
}
