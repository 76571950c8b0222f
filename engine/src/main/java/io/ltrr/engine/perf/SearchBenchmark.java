package io.ltrr.engine.perf;

import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.context.Device;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.embed.CachingEmbedder;
import io.ltrr.engine.embed.MiniLmEmbedder;
import io.ltrr.engine.embed.TextEmbedder;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RrfRanker;
import io.ltrr.engine.retrieval.ArmRegistry;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.DenseStrategy;
import io.ltrr.engine.retrieval.InMemoryQueryMemory;
import io.ltrr.engine.retrieval.Q2ePredictor;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.rewrite.RewriteModel;
import io.ltrr.engine.round.Round;
import io.ltrr.engine.round.RoundEngine;
import io.ltrr.engine.sim.CatalogSimulation;
import io.ltrr.engine.sim.CatalogWorld;
import io.ltrr.engine.sim.MetricsListener;
import io.ltrr.engine.sim.MusicScenario;
import io.ltrr.engine.sim.RoundObserver;
import io.ltrr.engine.sim.Scenarios;
import io.ltrr.engine.sim.SimulationPolicies;
import io.ltrr.engine.sim.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * End-to-end search measurements on a data folder's catalog index (a benchmark, never a test): full search rounds
 * through the real {@link RoundEngine} path the live search takes (query understanding, context features, the
 * policy's selection, the chosen arms' retrieval, union, ranking), followed by a simulated click that updates the
 * policy, and the throughput of the catalog simulation. Each timed round reads the selection's propensities, as
 * the live search does when it logs them. What the live search does besides, and is not timed here:
 * writing the impression to the H2 feedback store (the memory arm reads an in-memory click memory seeded with the
 * same cold-start predictions instead of the store's).
 */
public final class SearchBenchmark implements AutoCloseable {
    /** Lexical arms: the two BM25 arms. */
    public static final List<String> LEXICAL_ARMS = List.of("bm25", "bm25-pop");

    private final Path indexDir;
    private final CatalogIndex index;
    private final ArmSettings settings;
    private final List<Item> items;
    private final CatalogTagger tagger;
    private final InMemoryQueryMemory memory;
    private final LastQueryEmbedder embedder;

    /** Latency of one kind of round, in milliseconds of wall time, and its mean thread CPU time. */
    public record Latency(int rounds, double p50Ms, double p99Ms, double meanMs, double cpuP50Ms, double cpuP99Ms,
                          double cpuMeanMs, double updateCpuMeanUs) {
    }

    /**
     * Simulated searches per second of one policy on one arm set: passes of {@code rounds} rounds, each in a fresh
     * simulation (cold result and analysis caches), the first {@code warmupPasses} of them only warming the JIT.
     *
     * @param firstPassPerSecond the first pass's rate, in a JVM that had not simulated before (what a short
     *                           {@code ltrr simulate} sees)
     * @param passesPerSecond    the timed passes' rates, after the warm-up passes
     * @param perSecond          the median of the timed passes
     * @param perCpuSecond       rounds per second of the simulating thread's CPU time, median of the timed passes
     * @param searchesPerRequest searches the arms with a result cache made per retrieval asked of them in the last
     *                           pass (below 1 as repeated queries are answered from the cache)
     * @param embeddingRequests  query embeddings the {@code dense} arm asked for in the last pass (0 when not offered)
     * @param embeddingsComputed of those, the ones the model computed (the rest came from the pass's cache)
     */
    public record Throughput(String scenario, String policy, List<String> arms, long rounds, int warmupPasses,
                             double firstPassPerSecond, List<Double> passesPerSecond, double perSecond,
                             double perCpuSecond, double searchesPerRequest, long embeddingRequests,
                             long embeddingsComputed, double secondHalfPerSecond, List<Double> secondHalvesPerSecond,
                             long secondHalfEmbeddingRequests, long secondHalfEmbeddingsComputed) {
    }

    private SearchBenchmark(Path indexDir, CatalogIndex index, ArmSettings settings, LastQueryEmbedder embedder) {
        this.indexDir = indexDir;
        this.index = index;
        this.settings = settings;
        this.embedder = embedder;
        this.items = index.allItems();
        this.tagger = CatalogTagger.build(items);
        this.memory = new InMemoryQueryMemory(5);
        for (Q2ePredictor.Prediction p : Q2ePredictor.predict(items)) {
            memory.predict(p.normalizedQuery(), p.itemId(), p.score());
        }
    }

    /**
     * Opens the catalog index of a data folder (built by {@code Workbench.index}) and builds what a search needs on
     * top of it: the QU tagger and the click memory's cold-start predictions.
     *
     * @throws IllegalStateException when the data folder has no index
     */
    public static SearchBenchmark open(Path dataDir, ArmSettings settings) {
        LastQueryEmbedder embedder = new LastQueryEmbedder();
        Path indexDir = new DataLayout(dataDir).catalogIndex();
        CatalogIndex index = CatalogIndex.openLazily(indexDir, () -> embedder);
        return new SearchBenchmark(indexDir, index, Objects.requireNonNull(settings, "settings"), embedder);
    }

    public int items() {
        return items.size();
    }

    /** Whether the index has sentence vectors, so that rounds including the query embedding can be measured. */
    public boolean hasEmbeddings() {
        return index.hasVectors();
    }

    /**
     * Times {@code queries} search rounds after {@code warmup} unmeasured ones, with a fresh policy that learns
     * from one simulated click per round (a random one of the top five; the update is timed apart).
     *
     * @param withEmbedding false: every arm but {@code dense} is offered; true: {@code dense} is offered too and
     *                      every round first embeds its query (the dense arm reuses that vector when chosen), so
     *                      the latency includes the query embedding
     * @throws IllegalStateException with {@code withEmbedding} on an index without vectors
     */
    public Latency search(int queries, int warmup, long seed, String policyId, boolean withEmbedding) {
        if (withEmbedding && !hasEmbeddings()) {
            throw new IllegalStateException("the index has no embeddings; build it with embeddings to time them");
        }
        // every timed round searches and analyses its query anew: no result or analysis cache answers a repeat
        CatalogTagger uncached = tagger.uncached();
        Map<String, RetrievalStrategy> arms = ArmRegistry.create(index, settings.withCacheEntries(0), uncached, memory,
                new RewriteModel());
        List<String> offered = new ArrayList<>();
        for (String id : ArmRegistry.IDS) {
            if (arms.containsKey(id) && (withEmbedding || !id.equals(DenseStrategy.ID))) {
                offered.add(id);
            }
        }
        // as a live search runs (LiveServices): the chosen arms at the same time
        RoundEngine engine = new RoundEngine(arms, uncached, memory, seed)
                .withParallelRetrieval(java.util.concurrent.ForkJoinPool.commonPool());
        SelectionPolicy policy = PolicyRegistry.standard().create(policyId, seed, ContextFeatures.NAMES,
                PolicyOptions.none());
        RrfRanker ranker = new RrfRanker();
        List<String> sample = BenchQueries.sample(items, warmup + queries, seed);
        SplittableRandom random = new SplittableRandom(seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[queries];
        long[] cpu = new long[queries];
        long updateCpu = 0;
        for (int i = 0; i < sample.size(); i++) {
            String query = sample.get(i);
            SearchContext ctx = context(random);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            if (withEmbedding) {
                embedder.embed(query);
            }
            Round round = engine.run(query, ctx, policy, offered, SelectionBudget.defaults(), ranker, 20);
            // the live search logs the propensities: a Thompson policy estimates them on this first read
            round.selection().propensity().forEach((arm, p) -> { });
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            click(policy, round, random);
            long c2 = threads.getCurrentThreadCpuTime();
            if (i >= warmup) {
                wall[i - warmup] = t1 - t0;
                cpu[i - warmup] = c1 - c0;
                updateCpu += c2 - c1;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Latency(queries, quantile(wall, 0.50) / 1e6, quantile(wall, 0.99) / 1e6,
                Arrays.stream(wall).average().orElse(0) / 1e6, quantile(cpu, 0.50) / 1e6, quantile(cpu, 0.99) / 1e6,
                Arrays.stream(cpu).average().orElse(0) / 1e6, updateCpu / 1e3 / Math.max(1, queries));
    }

    /**
     * Runs the catalog simulation's scenario {@code scenarioName}: {@code warmupPasses} untimed passes (other seeds)
     * then {@code passes} timed ones (seed {@code seed}), {@code rounds} rounds each; {@code arms} empty means every
     * arm the scenario offers. A simulated round is the engine's real round and much of its code runs only there,
     * so a JVM reaches its steady rate only after some 15,000–20,000 rounds (measured, lexical arms: 0.8k rounds/s
     * in the first 5,000, mostly 2.6–3.5k after 20,000); the first pass's rate is reported too.
     */
    public Throughput simulate(String scenarioName, String policyId, List<String> arms, long rounds, int warmupPasses,
                               int passes, long seed) {
        if (passes < 1 || warmupPasses < 0) {
            throw new IllegalArgumentException("need passes >= 1 and warmupPasses >= 0, had " + passes + " and "
                    + warmupPasses);
        }
        MusicScenario scenario = (MusicScenario) Scenarios.load(scenarioName);
        if (!arms.isEmpty()) {
            scenario = scenario.withArms(arms);
        }
        List<Double> warmupRates = new ArrayList<>();
        for (int p = 0; p < warmupPasses; p++) {
            warmupRates.add(pass(scenario, policyId, rounds, seed + 1 + p).perSecond());
        }
        List<Double> rates = new ArrayList<>();
        List<Double> halves = new ArrayList<>();
        double[] cpuRates = new double[passes];
        Pass last = null;
        for (int p = 0; p < passes; p++) {
            last = pass(scenario, policyId, rounds, seed);
            rates.add(last.perSecond());
            halves.add(last.secondHalfPerSecond());
            cpuRates[p] = last.perCpuSecond();
        }
        Arrays.sort(cpuRates);
        return new Throughput(scenarioName, policyId, last.arms(), rounds, warmupPasses,
                (warmupRates.isEmpty() ? rates : warmupRates).getFirst(), List.copyOf(rates), median(rates),
                cpuRates[cpuRates.length / 2], last.searchesPerRequest(), last.embeddingRequests(),
                last.embeddingsComputed(), median(halves), List.copyOf(halves), last.secondHalfEmbeddingRequests(),
                last.secondHalfEmbeddingsComputed());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * One pass's rates. The second half's (rounds {@code rounds/2} to the end, of the same run) is the steady rate of
     * a long simulation: by then the run's own caches (results, query embeddings) hold what its traffic repeats.
     */
    private record Pass(List<String> arms, double perSecond, double perCpuSecond, double searchesPerRequest,
                        long embeddingRequests, long embeddingsComputed, double secondHalfPerSecond,
                        long secondHalfEmbeddingRequests, long secondHalfEmbeddingsComputed) {
    }

    /** One pass in a fresh simulation: rounds per second of wall and of thread CPU time, searches per request. */
    private Pass pass(MusicScenario scenario, String policyId, long rounds, long seed) {
        // the index opened again for the pass, with the simulation's own (cold) query embedding cache over the
        // shared model, as CatalogSimulation.open gives a simulation
        CachingEmbedder cache = new CachingEmbedder(embedder::model, CachingEmbedder.DEFAULT_CAPACITY);
        try (CatalogIndex passIndex = CatalogIndex.openLazily(indexDir, () -> cache);
             CatalogSimulation simulation = CatalogSimulation.over(
                     io.ltrr.engine.retrieval.EmbeddedBackend.over(passIndex), settings)) {
            CatalogWorld world = simulation.world(scenario, seed);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long half = rounds / 2;
            long[] atHalf = new long[3]; // wall time, embeddings asked and computed once round half-1 was played
            RoundObserver halfway = outcome -> {
                if (outcome.round() == half - 1) {
                    atHalf[0] = System.nanoTime();
                    atHalf[1] = cache.requests();
                    atHalf[2] = cache.embedded();
                }
            };
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            new Simulator(world).run(SimulationPolicies.create(policyId, seed, world.featureNames()), rounds,
                    MetricsListener.NONE, halfway, ProgressListener.NONE, CancellationToken.none());
            long t1 = System.nanoTime();
            double secs = (t1 - t0) / 1e9;
            double cpuSecs = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            double halfSecs = (t1 - (half > 0 ? atHalf[0] : t0)) / 1e9;
            return new Pass(world.arms(), rounds / secs, rounds / cpuSecs,
                    simulation.resultCacheStats().searchesPerRequest(), cache.requests(), cache.embedded(),
                    (rounds - half) / halfSecs, cache.requests() - atHalf[1], cache.embedded() - atHalf[2]);
        }
    }

    /** A simulated click on one of the top five results: reward 1 to the chosen arms that held it, 0 to the rest. */
    private static void click(SelectionPolicy policy, Round round, SplittableRandom random) {
        List<RankedItem> results = round.results();
        Map<String, Double> rewards = new LinkedHashMap<>();
        String clicked = results.isEmpty() ? null : results.get(random.nextInt(Math.min(5, results.size()))).itemId();
        for (String arm : round.selection().chosen()) {
            CandidateList list = round.lists().get(arm);
            boolean held = clicked != null && list.candidates().stream().map(Candidate::itemId).anyMatch(clicked::equals);
            rewards.put(arm, held ? 1.0 : 0.0);
        }
        policy.update(round.x(), rewards.keySet(), rewards);
    }

    private static SearchContext context(SplittableRandom random) {
        SearchContext ctx = SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 0, 0)
                .plusMinutes(random.nextInt(7 * 24 * 60)));
        return random.nextInt(5) == 0 ? ctx.withDevice(Device.VOICE) : ctx;
    }

    /** The q-quantile of sorted values by the nearest-rank rule; 0 for none. */
    static long quantile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public void close() {
        index.close();
    }

    /**
     * The shared MiniLM embedder (loaded on first use) remembering its last query, so that a round that embedded
     * its query up front does not embed it again in the dense arm.
     */
    private static final class LastQueryEmbedder implements TextEmbedder {
        private TextEmbedder model;
        private String lastText;
        private float[] lastVector;

        private synchronized TextEmbedder model() {
            if (model == null) {
                model = new MiniLmEmbedder();
            }
            return model;
        }

        @Override
        public String modelId() {
            return model().modelId();
        }

        @Override
        public int dimension() {
            return model().dimension();
        }

        @Override
        public synchronized float[] embed(String text) {
            if (!text.equals(lastText)) {
                lastVector = model().embed(text);
                lastText = text;
            }
            return lastVector.clone();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return model().embedAll(texts);
        }
    }
}
