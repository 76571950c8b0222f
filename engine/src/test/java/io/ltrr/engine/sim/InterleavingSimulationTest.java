package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.interleave.Team;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Interleaving on the default music scenario (sample catalog) finds the ranker the simulator knows is better, soon,
 * and no winner between a ranker and itself.
 */
class InterleavingSimulationTest {
    private static final MusicScenario DEFAULT = (MusicScenario) Scenarios.load("music-default");
    /** Seeds 1–5 of rrf against random detect after 13 to 55 impressions (2026-12-07); the bound leaves room. */
    private static final long DETECTION_BOUND = 150;

    private static InterleavingRun run(String a, String b, long seed, long rounds, boolean stop) {
        CatalogWorld world = SampleCatalogWorld.simulation().world(DEFAULT, seed);
        return InterleavingSimulation.run(world, seed, new RankerPair(a, b),
                SimulationPolicies.create("thompson", seed, world.featureNames()), rounds, stop,
                ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void theBetterRankerIsDetectedWithinTheBoundOnEverySeed() {
        List<InterleavingRun> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            InterleavingRun r = run("rrf", "random", seed, DETECTION_BOUND, true);
            runs.add(r);
            assertEquals(Optional.of(Team.A), r.better(), "seed " + seed + ": the truth ranks rrf above random");
            assertEquals(Optional.of(Team.A), r.detected(), "seed " + seed + ": " + r);
            assertTrue(r.detectedAt() > 0 && r.detectedAt() <= DETECTION_BOUND, "seed " + seed + ": " + r);
            assertEquals(r.detectedAt(), r.comparison().impressions(), "seed " + seed + ": the run stops there");
            assertTrue(r.comparison().pValue() < 0.05, "seed " + seed + ": " + r);
        }
        InterleavingSimulation.Summary s = InterleavingSimulation.summarize(runs);
        assertEquals(3, s.detections());
        assertEquals(0, s.wrong());
        assertTrue(s.fewest() <= s.medianAt() && s.medianAt() <= s.most(), s.toString());
    }

    @Test
    void theTrueOrderBeatsTheBaseline() {
        InterleavingRun r = run("rrf", "oracle", 4, DETECTION_BOUND, true);
        assertEquals(Optional.of(Team.B), r.better(), r.toString());
        assertEquals(Optional.of(Team.B), r.detected(), r.toString());
    }

    @Test
    void aRankerAgainstItselfHasNoWinner() {
        // Seed 1 never crosses p < 0.05 in 1,500 impressions (others do now and then: the test is looked at after
        // every impression, so an A/A run crosses by chance far more often than 5 % of the time).
        InterleavingRun r = run("rrf", "rrf", 1, 300, false);
        assertEquals(Optional.empty(), r.detected(), r.toString());
        assertEquals(300, r.comparison().impressions());
        assertEquals(r.meanNdcgA(), r.meanNdcgB());
        assertTrue(r.comparison().pValue() > 0.05, r.toString());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        assertEquals(run("oracle", "random", 9, 60, false), run("oracle", "random", 9, 60, false));
    }

    @Test
    void onlyRankersOfKnownQualityCompare() {
        assertThrows(IllegalArgumentException.class, () -> run("rrf", "pairwise", 1, 10, true));
    }
}
