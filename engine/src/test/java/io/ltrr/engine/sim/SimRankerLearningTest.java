package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.eval.Metrics;
import io.ltrr.engine.ltr.FeatureExtractor;
import io.ltrr.engine.ltr.PairwiseLinearRanker;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.CatalogTagger;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.Bm25Strategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulation's learned rankers: they learn from simulated clicks, deterministically. */
class SimRankerLearningTest {
    private static final long SEED = 5L;
    private static final int ITEMS = 40;
    private static final int SHOWN = 10;
    /** Rounds per block: the signal is clean, so the model learns within tens of rounds (after its first clicks). */
    private static final int BLOCK = 10;
    private static final MusicScenario DEFAULT = (MusicScenario) Scenarios.load("music-default");

    /**
     * A tiny world where one feature decides relevance: of 40 catalog items, the 10 most popular are relevant
     * (grade 1: clicked 30 % of the times examined), the rest not; the one arm returns them in a random order each
     * round, so reciprocal-rank fusion (the new model's start) shows a random top 10. Clicks follow a position-based
     * model with known θ. Returns nDCG@10 of the shown list per round.
     */
    private static List<Double> tinyWorld(long seed, int rounds) {
        CatalogSimulation sim = SampleCatalogWorld.simulation();
        // Items of distinct popularity, so that it alone orders them.
        List<Item> items = new ArrayList<>();
        java.util.Set<Double> popularities = new java.util.HashSet<>();
        for (Item i : sim.items()) {
            if (items.size() < ITEMS && popularities.add(i.popularity())) {
                items.add(i);
            }
        }
        List<Item> byPopularity = new ArrayList<>(items);
        byPopularity.sort(Comparator.comparingDouble(Item::popularity).reversed().thenComparing(Item::id));
        Map<String, Integer> grades = new HashMap<>();
        byPopularity.subList(0, SHOWN).forEach(i -> grades.put(i.id(), 1));
        assertTrue(byPopularity.get(SHOWN - 1).popularity() > byPopularity.get(SHOWN).popularity(),
                "popularity must separate the relevant items");
        QueryAnalysis analysis = CatalogTagger.build(items).analyze("zzqx");
        PositionBias bias = new PositionBias("power", 1.0);
        Attractiveness attractiveness = DEFAULT.clickModel().attractiveness();
        SimPairwiseRanker ranker = new SimPairwiseRanker(new FeatureExtractor(sim.index(), null), seed,
                SimPairwiseRanker.known(bias, SHOWN), SHOWN);
        List<Double> ndcg = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            SplittableRandom random = RandomStreams.of(seed, t, RandomStreams.TRAFFIC);
            List<Item> order = new ArrayList<>(items);
            Collections.shuffle(order, new java.util.Random(random.nextLong()));
            Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
            for (int k = 0; k < order.size(); k++) {
                union.put(order.get(k).id(), Map.of(Bm25Strategy.ID, new ArmHit(k + 1, 1.0 / (k + 1))));
            }
            List<RankedItem> shown = ranker.rank(new RankingInput(analysis,
                    new ContextVector(List.of("bias"), new double[] {1}), Map.of(), union), SHOWN);
            List<String> ids = shown.stream().map(RankedItem::itemId).toList();
            List<Integer> clicked = new ArrayList<>();
            for (int k = 0; k < ids.size(); k++) {
                double p = bias.at(k) * attractiveness.of(grades.getOrDefault(ids.get(k), 0));
                if (random.nextDouble() < p) {
                    clicked.add(k);
                }
            }
            ranker.learn(t, analysis.normalized(), ids, clicked.stream().mapToInt(Integer::intValue).toArray());
            ndcg.add(Metrics.ndcgAt(ids, grades, SHOWN));
        }
        return ndcg;
    }

    private static double blockMean(List<Double> v, int block) {
        return v.subList(block * BLOCK, (block + 1) * BLOCK).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
    }

    @Test
    void pairwiseLearnsTheFeatureThatDecidesRelevance() {
        List<Double> ndcg = tinyWorld(SEED, 10 * BLOCK);
        List<Double> blocks = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            blocks.add(blockMean(ndcg, b));
        }
        double first = blocks.getFirst();
        double last = blocks.getLast();
        assertTrue(last > first + 0.2, "nDCG@10 per block of " + BLOCK + " rounds: " + blocks);
        assertTrue(last > 0.8, "nDCG@10 last block " + last);
    }

    @Test
    void tinyWorldIsDeterministic() {
        assertEquals(tinyWorld(SEED, 200), tinyWorld(SEED, 200));
    }

    private static List<String> trace(String ranker, long seed, int rounds) {
        CatalogWorld world = ranker == null ? SampleCatalogWorld.simulation().world(DEFAULT, seed)
                : SampleCatalogWorld.simulation().world(DEFAULT, seed, ranker);
        List<String> lines = new ArrayList<>();
        new Simulator(world).run(SimulationPolicies.create("thompson", seed, world.featureNames()), rounds,
                MetricsListener.NONE, o -> lines.add(o.query() + "|" + o.selection().chosen() + "|" + o.rewards()
                        + "|" + o.clicked() + "|" + o.ndcg10()),
                ProgressListener.NONE, CancellationToken.none());
        return lines;
    }

    @Test
    void catalogWorldWithPairwiseIsDeterministicAndRanksDifferently() {
        List<String> a = trace(PairwiseLinearRanker.ID, SEED, 300);
        assertEquals(a, trace(PairwiseLinearRanker.ID, SEED, 300));
        // The model starts as fusion, so it differs from the baseline only once it has learned.
        assertNotEquals(trace("rrf", SEED, 300), a);
    }

    @Test
    void rrfByIdIsTheOriginalWorld() {
        assertEquals(trace(null, SEED, 150), trace("rrf", SEED, 150));
    }

    @Test
    void unknownRankerAndLearnedRankerWithoutAShownListFail() {
        assertThrows(IllegalArgumentException.class, () -> SimRankers.requireKnown("nope"));
        assertThrows(IllegalArgumentException.class, () -> SimulationWorlds.create(Scenarios.load("synthetic-two-contexts"),
                SEED, 0, PairwiseLinearRanker.ID, () -> null));
    }
}
