package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticWorldTest {
    private static final long SEED = 20240611L;
    private static final SyntheticScenario TWO = (SyntheticScenario) Scenarios.load("synthetic-two-contexts");

    private static List<SimulationMetrics> everyRound(SyntheticScenario scenario, String policy, long seed, int rounds) {
        SyntheticWorld world = new SyntheticWorld(scenario, seed);
        List<SimulationMetrics> seen = new ArrayList<>();
        new Simulator(world).run(SimulationPolicies.create(policy, seed, world.featureNames()), rounds, seen::add,
                RoundObserver.NONE, ProgressListener.NONE, CancellationToken.none());
        return seen;
    }

    @Test
    void sameSeedGivesTheSameMetricsSequence() {
        List<SimulationMetrics> a = everyRound(TWO, "thompson", SEED, 2000);
        List<SimulationMetrics> b = everyRound(TWO, "thompson", SEED, 2000);
        assertEquals(2000, a.size());
        assertEquals(a, b, "seed " + SEED);
        assertNotEquals(a.getLast(), everyRound(TWO, "thompson", SEED + 1, 2000).getLast());
    }

    @Test
    void regretOfAFixedArmIsTheExactGapOfEachRoundsContext() {
        // Always bm25: a screen round costs 0.55 − 0.40 = 0.15 (dense is best), a voice round 0.70 − 0.35 = 0.35.
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        int rounds = 10_000;
        int[] voice = new int[1];
        SimulationMetrics m = new Simulator(world).run(new FixedArmPolicy("bm25"), rounds, MetricsListener.NONE,
                o -> voice[0] += o.userId().equals("voice") ? 1 : 0, ProgressListener.NONE, CancellationToken.none());
        double exact = (rounds - voice[0]) * 0.15 + voice[0] * 0.35;
        assertEquals(exact, m.cumulativeRegret(), 1e-9);
        // The context draw follows the frequencies: 30 % voice within 4 standard deviations (sd ≈ 0.0046).
        assertEquals(0.3, voice[0] / (double) rounds, 0.02);
        assertEquals(0.7 * 0.15 + 0.3 * 0.35, TWO.expectedRegret(Map.of("screen", List.of("bm25"),
                "voice", List.of("bm25"))), 1e-12);
        assertEquals(1.0, m.armShare().get("bm25"));
    }

    @Test
    void bernoulliRewardsFollowTheRates() {
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        SimulationMetrics m = new Simulator(world).run(new FixedArmPolicy("dense"), 40_000);
        // dense earns 0.7 · 0.55 + 0.3 · 0.20 = 0.445 on average; sd of the mean ≈ 0.0025.
        assertEquals(0.445, m.rewardRate().get("dense"), 0.012);
        assertEquals(m.rewardRate().get("dense"), m.ctr(), 1e-12, "one arm: a click is that arm's reward");
    }

    @Test
    void anOracleHasNoRegretAndLearningBeatsUniform() {
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        SelectionPolicy oracle = new BestArmTestPolicy(x -> x.value("bucket.device.voice") > 0.5
                ? List.of("structured") : List.of("dense"));
        int rounds = 5000;
        assertEquals(0.0, new Simulator(world).run(oracle, rounds).cumulativeRegret(), 0.0);
        double uniform = everyRound(TWO, "uniform", SEED, rounds).getLast().cumulativeRegret();
        double thompson = everyRound(TWO, "thompson", SEED, rounds).getLast().cumulativeRegret();
        double contextFree = everyRound(TWO, "ucb1-global", SEED, rounds).getLast().cumulativeRegret();
        // Uniform loses (mean gap) ≈ 0.7·0.117 + 0.3·0.283 = 0.167 per round; the contextual policy far less.
        assertEquals(0.167 * rounds, uniform, 0.167 * rounds * 0.1);
        assertTrue(thompson < uniform / 4, "thompson " + thompson + " vs uniform " + uniform + ", seed " + SEED);
        // A context-free policy at best settles on dense and keeps paying 0.15 per voice round.
        assertTrue(thompson < contextFree, "thompson " + thompson + " vs ucb1-global " + contextFree + ", seed " + SEED);
    }

    @Test
    void semiBanditRegretComparesWithTheBestPairOfArms() {
        SyntheticScenario two = TWO.withMaxArms(2);
        SyntheticWorld world = new SyntheticWorld(two, SEED);
        // Best pair on screen: dense + bm25 = 0.95; bm25 + structured earn 0.70 → 0.25. On voice best is
        // structured + bm25 = 1.05, so that pair has no regret there.
        assertEquals(0.7 * 0.25, two.expectedRegret(Map.of("screen", List.of("bm25", "structured"),
                "voice", List.of("bm25", "structured"))), 1e-12);
        SelectionPolicy pair = new BestArmTestPolicy(x -> List.of("bm25", "structured"));
        int[] voice = new int[1];
        int rounds = 3000;
        SimulationMetrics m = new Simulator(world).run(pair, rounds, MetricsListener.NONE,
                o -> voice[0] += o.userId().equals("voice") ? 1 : 0, ProgressListener.NONE, CancellationToken.none());
        assertEquals((rounds - voice[0]) * 0.25, m.cumulativeRegret(), 1e-9);
    }

    @Test
    void invalidScenariosAreRejectedNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scenarios.parse("""
                {"kind":"synthetic","arms":["a","b"],"contexts":[{"name":"c","rates":{"a":0.5,"b":1.5}}]}""", "t"));
        assertTrue(e.getMessage().contains("rates.b"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenarios.parse("""
                {"kind":"synthetic","arms":["a"],"maxArms":1,"contexts":[]}""", "t"));
        assertTrue(e.getMessage().contains("unknown field 'maxArms'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenarios.load("no-such-scenario"));
        assertTrue(e.getMessage().contains("synthetic-two-contexts"), e.getMessage());
    }
}
