package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
    private static final List<String> ARMS = List.of("a", "b", "c");
    private static final double[] RATES = {0.5, 0.3, 0.1};
    private static final long SEED = 42;

    /**
     * A world whose every round is the same: o = (0.5, 0.3, 0.1) scaled by 1 + (seed − 42)/10, and the shown list of
     * a selection S is clicked with probability 1 − Π_{a∈S}(1 − o_a). The budget allows 2 arms.
     */
    private record FixedRatesWorld(long seed, boolean showsList) implements SimulatedWorld {
        double rate(int arm) {
            return RATES[arm] * (1 + (seed - SEED) / 10.0);
        }

        @Override
        public List<String> arms() {
            return ARMS;
        }

        @Override
        public List<String> featureNames() {
            return List.of("bias");
        }

        @Override
        public SelectionBudget budget() {
            return new SelectionBudget(2, 100, 1);
        }

        @Override
        public RoundOutcome play(long round, SelectionPolicy policy) {
            ContextVector x = new ContextVector(List.of("bias"), new double[] {1});
            Selection s = policy.select(x, ARMS, budget());
            double[] o = new double[ARMS.size()];
            double none = 1;
            Map<String, Double> rewards = new LinkedHashMap<>();
            for (int i = 0; i < o.length; i++) {
                o[i] = rate(i);
                if (s.isChosen(ARMS.get(i))) {
                    none *= 1 - o[i];
                    rewards.put(ARMS.get(i), 0.0);
                }
            }
            return new RoundOutcome(round, "u", "i", "q", x, ARMS, o, s, rewards, false, Double.NaN, List.of(),
                    List.of(), showsList ? 1 - none : Double.NaN);
        }
    }

    private static Leaderboard.Result board(boolean lists, List<String> policies, int seeds, int parallelism) {
        return Leaderboard.run((p, s) -> new FixedRatesWorld(s, lists), policies, 100, SEED, seeds, parallelism,
                ProgressListener.NONE, CancellationToken.none());
    }

    private static Leaderboard.Row row(Leaderboard.Result r, String policy) {
        return r.rows().stream().filter(x -> x.policy().equals(policy)).findFirst().orElseThrow();
    }

    @Test
    void everyRowIsRankedByTheExpectedClicksOfItsShownListWhateverItsNumberOfArms() {
        Leaderboard.Result r = board(true, List.of("fixed:a", "fixed:b", "fused:rrf"), 1, 1);
        assertEquals(Leaderboard.Yardstick.EXPECTED_CLICKS, r.rankedBy());
        // fixed:a is the best single arm (no regret against an oracle of its own size, 1 arm) and was ranked first
        // by the old per-size regret; fusing every arm shows a list clicked with 1 − 0.5·0.7·0.9 = 0.685 > 0.5.
        assertEquals(List.of("fused:rrf", "fixed:a", "fixed:b"), r.rows().stream().map(Leaderboard.Row::policy).toList());
        assertEquals(0.685, row(r, "fused:rrf").expectedClicksMean(), 1e-12);
        assertEquals(0.5, row(r, "fixed:a").expectedClicksMean(), 1e-12);
        assertEquals(3.0, row(r, "fused:rrf").armsPerRound());
        assertEquals(1.0, row(r, "fixed:a").armsPerRound());
    }

    @Test
    void regretIsAgainstOneOracleOfTheLargestSelectionInTheComparison() {
        // fused:rrf chose all 3 arms: every row is measured against the best 3 arms, 0.9 per round.
        Leaderboard.Result r = board(true, List.of("fixed:a", "fixed:b", "fused:rrf"), 1, 1);
        assertEquals(3, r.oracleArms());
        assertEquals(100 * (0.9 - 0.5), row(r, "fixed:a").regretMean(), 1e-9);
        assertEquals(100 * (0.9 - 0.3), row(r, "fixed:b").regretMean(), 1e-9);
        assertEquals(0, row(r, "fused:rrf").regretMean(), 1e-9);
        // Without the fused row the largest selection is one arm: fixed:a is the oracle itself.
        Leaderboard.Result single = board(true, List.of("fixed:b", "fixed:a"), 1, 1);
        assertEquals(1, single.oracleArms());
        assertEquals(0, row(single, "fixed:a").regretMean(), 1e-9);
        assertEquals(100 * (0.5 - 0.3), row(single, "fixed:b").regretMean(), 1e-9);
    }

    @Test
    void withoutShownListsRowsAreRankedByTheCommonOracleRegret() {
        Leaderboard.Result r = board(false, List.of("fixed:b", "fixed:a", "fused:rrf"), 1, 1);
        assertEquals(Leaderboard.Yardstick.REGRET_VS_COMMON_ORACLE, r.rankedBy());
        assertEquals(List.of("fused:rrf", "fixed:a", "fixed:b"), r.rows().stream().map(Leaderboard.Row::policy).toList());
        assertTrue(Double.isNaN(r.rows().getFirst().expectedClicksMean()));
        // a difference of regrets: this row's minus the best row's (0), per seed
        assertEquals(40, row(r, "fixed:a").paired().meanDifference(), 1e-9);
        assertEquals(60, row(r, "fixed:b").paired().meanDifference(), 1e-9);
    }

    @Test
    void pairedDifferencesAreTakenSeedBySeedAgainstTheBestRow() {
        // Seeds 42, 43: rates scaled by 1.0 and 1.1. fixed:a's clicks 0.5, 0.55; fused:rrf's 1 − Π(1 − 1.x·o).
        Leaderboard.Result r = board(true, List.of("fixed:a", "fused:rrf"), 2, 1);
        double fused42 = 1 - 0.5 * 0.7 * 0.9;
        double fused43 = 1 - (1 - 0.55) * (1 - 0.33) * (1 - 0.11);
        double d42 = 0.5 - fused42;
        double d43 = 0.55 - fused43;
        Leaderboard.Paired p = row(r, "fixed:a").paired();
        assertEquals("fused:rrf", p.versus());
        assertEquals((d42 + d43) / 2, p.meanDifference(), 1e-12);
        assertEquals(Math.abs(d42 - d43) / Math.sqrt(2), p.sd(), 1e-12);
        assertNull(row(r, "fused:rrf").paired(), "the best row has no difference from itself");
        // unpaired, the spread of fixed:a's own figure over the seeds is larger than that of the difference
        assertTrue(row(r, "fixed:a").expectedClicksSd() > p.sd());
    }

    @Test
    void theTableIsTheSameWhateverTheParallelism() {
        List<String> policies = List.of("thompson", "linucb", "ucb1", "epsilon-greedy", "fused:rrf", "fixed:dense");
        SyntheticScenario two = (SyntheticScenario) Scenarios.load("synthetic-two-contexts");
        Leaderboard.Worlds worlds = (p, s) -> new SyntheticWorld(two, s);
        Leaderboard.Result one = Leaderboard.run(worlds, policies, 1500, SEED, 3, 1, ProgressListener.NONE,
                CancellationToken.none());
        Leaderboard.Result four = Leaderboard.run(worlds, policies, 1500, SEED, 3, 4, ProgressListener.NONE,
                CancellationToken.none());
        assertEquals(one, four, "seed " + SEED);
        assertEquals(policies.size(), one.rows().size());
    }

    @Test
    void catalogRunsOnSeveralThreadsGiveTheSequentialTable() {
        MusicScenario scenario = (MusicScenario) Scenarios.load("music-default");
        CatalogSimulation sim = SampleCatalogWorld.simulation();
        Leaderboard.Worlds worlds = (p, s) -> sim.world(scenario, s, SimulationPolicies.rankerOf(p, "rrf"));
        List<String> policies = List.of("thompson", "fixed:structured", "fused:rrf");
        Leaderboard.Result one = Leaderboard.run(worlds, policies, 150, SEED, 2, 1, ProgressListener.NONE,
                CancellationToken.none());
        AtomicLong reports = new AtomicLong();
        Leaderboard.Result three = Leaderboard.run(worlds, policies, 150, SEED, 2, 3,
                (phase, done, total) -> reports.incrementAndGet(), CancellationToken.none());
        assertEquals(one, three, "seed " + SEED);
        assertEquals(6, reports.get(), "one progress report per run");
        assertEquals(Leaderboard.Yardstick.EXPECTED_CLICKS, one.rankedBy());
        for (Leaderboard.Row row : one.rows()) {
            // the expected clicks are the expectation of CTR: close over 2 × 150 rounds (sd of a CTR ≤ 0.03)
            assertEquals(row.ctrMean(), row.expectedClicksMean(), 0.12, row.policy());
        }
    }

    @Test
    void aFailingRunFailsTheLeaderboardWithItsOwnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Leaderboard.run((p, s) -> {
            if (p.equals("fixed:b")) {
                throw new IllegalStateException("no world for " + p);
            }
            return new FixedRatesWorld(s, true);
        }, List.of("fixed:a", "fixed:b", "fused:rrf"), 50, SEED, 2, 2, ProgressListener.NONE,
                CancellationToken.none()));
        assertEquals("no world for fixed:b", e.getMessage());
    }

    @Test
    void fusedBaselineTakesEveryArmWithAnEqualShareOfTheCandidates() {
        FusedArmsPolicy fused = new FusedArmsPolicy("rrf");
        Selection s = fused.select(new ContextVector(List.of("bias"), new double[] {1}), ARMS,
                new SelectionBudget(2, 100, 1));
        assertEquals(ARMS, s.chosen());
        assertEquals(Map.of("a", 34, "b", 33, "c", 33), s.candidates());
        assertEquals(1.0, s.diagnostics().get("a").mean());
        assertEquals(s.diagnostics().get("a").mean(), s.diagnostics().get("c").mean(), "unweighted fusion");
        assertEquals("rrf", SimulationPolicies.rankerOf("fused:rrf", "lambdamart"));
        assertEquals("lambdamart", SimulationPolicies.rankerOf("thompson", "lambdamart"));
        assertThrows(IllegalArgumentException.class, () -> SimulationPolicies.create("fused:nope", 1, List.of("bias")));
        assertEquals(List.of("fixed:a", "fixed:b", "fixed:c", "fused:rrf"),
                SimulationPolicies.baselines(ARMS, Scenarios.load("synthetic-two-contexts")));
    }

    /** Both fusion baselines of issue 23: every arm fused by RRF and by the score-fusion ranker, on one yardstick. */
    @Test
    void theScoreFusionBaselineRunsBesideRrfOnTheSampleCatalog() {
        MusicScenario scenario = (MusicScenario) Scenarios.load("music-default");
        assertTrue(SimulationPolicies.baselines(ARMS, scenario).containsAll(List.of("fused:rrf", "fused:fusion")));
        assertEquals("fusion", SimulationPolicies.rankerOf("fused:fusion", "rrf"));
        CatalogSimulation sim = SampleCatalogWorld.simulation();
        Leaderboard.Result r = Leaderboard.run((p, s) -> sim.world(scenario, s, SimulationPolicies.rankerOf(p, "rrf")),
                List.of("fused:rrf", "fused:fusion"), 100, SEED, 1, 1, ProgressListener.NONE,
                CancellationToken.none());
        assertEquals(Leaderboard.Yardstick.EXPECTED_CLICKS, r.rankedBy());
        for (Leaderboard.Row row : r.rows()) {
            assertTrue(row.expectedClicksMean() > 0.2, row.policy() + " shows lists users click");
        }
        assertTrue(row(r, "fused:fusion").expectedClicksMean() != row(r, "fused:rrf").expectedClicksMean(),
                "the two fusions rank the same candidates differently");
    }
}
