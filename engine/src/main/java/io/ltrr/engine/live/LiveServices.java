package io.ltrr.engine.live;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.backend.Backends;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.folder.WorkbenchState;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.prior.CatalogDigest;
import io.ltrr.engine.prior.WarmStart;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.retrieval.CatalogBackend;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.QueryMemory;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.rewrite.QuerySimilarity;
import io.ltrr.engine.rewrite.ReformulationConfig;
import io.ltrr.engine.rewrite.SemanticSimilarity;
import io.ltrr.engine.round.RoundEngine;
import io.ltrr.engine.store.FeedbackStore;
import io.ltrr.engine.store.Q2ePrediction;
import io.ltrr.engine.trace.StartupTrace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the live loop needs over one catalog index, built once and in this order: the index, query
 * understanding, the click memory (seeded from metadata once per index), self-learning, the arms, the round
 * engine, the rankers and the bandit. The facade holds one while the index stays the same.
 *
 * @param index    the open catalog, in the folder's backend
 * @param tagger   query understanding over the indexed catalog
 * @param memory   the durable click memory
 * @param learning reformulations and stated preferences
 * @param arms     the retrieval arms by id, in display order
 * @param features the ranker features' extractor (the one the live rankers use)
 * @param bandit   the live bandit with its rankers
 */
public record LiveServices(CatalogBackend index, CatalogTagger tagger, QueryMemory memory, SelfLearning learning,
                           Map<String, RetrievalStrategy> arms, FeatureExtractor features, BanditService bandit)
        implements AutoCloseable {

    /** Each arm's description, by id, in display order. */
    public Map<String, String> armDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        arms.forEach((id, arm) -> out.put(id, arm.description()));
        return out;
    }

    /** Opens the services over the folder's current catalog (which must exist) in its backend. */
    public static LiveServices open(WorkbenchConfig config, DataLayout layout, FeedbackStore store,
                                    Supplier<TextEmbedder> embedder) {
        CatalogBackend index = StartupTrace.step("live: open the catalog index",
                () -> Backends.open(config.backend(), layout, embedder));
        try {
            // The dictionaries are kept in the folder per index fingerprint: read back, not rebuilt from every item.
            CatalogTagger tagger = StartupTrace.step("live: tagger dictionaries", () -> CatalogTagger.cached(
                    layout.taggerDictionary(), index.stats().catalogFingerprint(), index::allItems));
            WorkbenchState state = WorkbenchState.load(layout.state());
            QueryMemory memory = new StoreQueryMemory(store.clickMemory());
            StartupTrace.run("live: click memory cold start (Q2E)", () -> seedClickMemory(index, store, state));
            SelfLearning learning = StartupTrace.step("live: self-learning",
                    () -> new SelfLearning(store, ReformulationConfig.defaults(), semantic(index)));
            Map<String, RetrievalStrategy> arms = StartupTrace.step("live: arms",
                    () -> index.arms(config.armSettings(), tagger, memory, learning.rewriter()));
            // a live search's chosen arms retrieve at the same time (the common pool: one thread fewer than cores)
            RoundEngine engine = new RoundEngine(arms, tagger, memory, config.seed(), learning.rewriter())
                    .withParallelRetrieval(java.util.concurrent.ForkJoinPool.commonPool());
            FeatureExtractor features = new FeatureExtractor(index, memory);
            BanditService bandit = StartupTrace.step("live: rankers and bandit", () -> {
                RankerService rankers = new RankerService(store, features, state, config.seed());
                WarmStart warm = new WarmStart(layout.priors(), () -> CatalogDigest.of(index.allItems()));
                return new BanditService(store, engine, memory, index, rankers, learning, state, warm, config.seed(),
                        Clock.systemUTC());
            });
            return new LiveServices(index, tagger, memory, learning, arms, features, bandit);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** The click memory's cold start: metadata predictions for every item, once per index fingerprint. */
    private static void seedClickMemory(CatalogBackend index, FeedbackStore store, WorkbenchState state) {
        String fingerprint = index.stats().catalogFingerprint();
        if (fingerprint.equals(state.q2ePredictedFor())) {
            return;
        }
        List<Q2ePrediction> predictions = new ArrayList<>();
        for (Q2ePredictor.Prediction p : Q2ePredictor.predict(index.allItems())) {
            predictions.add(new Q2ePrediction(p.normalizedQuery(), p.itemId(), p.score()));
        }
        store.clickMemory().q2eUpsertPredicted(predictions);
        state.setQ2ePredictedFor(fingerprint);
    }

    /**
     * Queries related in meaning count as reformulations only where the index has vectors (the dense arm loads
     * the model anyway); on a lexical-only index the similarity is 0 and the model is never loaded.
     */
    private static SemanticSimilarity semantic(CatalogBackend index) {
        return (a, b) -> index.embedder().map(e -> QuerySimilarity.cosine(e.embed(a), e.embed(b))).orElse(0.0);
    }

    /** Saves the policy's state and closes the index. */
    @Override
    public void close() {
        try {
            bandit.close();
        } finally {
            index.close();
        }
    }
}
