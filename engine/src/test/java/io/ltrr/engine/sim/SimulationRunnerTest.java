package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.SelectionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRunnerTest {
    private static final long SEED = 20261122L;
    private static final SyntheticScenario TWO = (SyntheticScenario) Scenarios.load("synthetic-two-contexts");

    /** A clock that a test moves by hand; the sleeper moves it by the time slept. */
    private static final class FakeTime {
        long now;
        long slept;

        void sleep(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    private static SimulationRunner runner(FakeTime time, int maxPoints) {
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        SelectionPolicy policy = SimulationPolicies.create("thompson", SEED, world.featureNames());
        return new SimulationRunner(world, policy, Simulator.DEFAULT_WINDOW, maxPoints, () -> time.now, time::sleep);
    }

    private static SimulationMetrics simulator(long rounds) {
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        return new Simulator(world).run(SimulationPolicies.create("thompson", SEED, world.featureNames()), rounds);
    }

    @Test
    void playsTheSameRoundsAsTheSimulatorHoweverTheRunIsCut() {
        SimulationRunner r = runner(new FakeTime(), SimulationRunner.DEFAULT_POINTS);
        for (int i = 0; i < 7; i++) {
            r.step();
        }
        assertEquals(SimulationRunner.Stop.REACHED_LIMIT, r.play(900, s -> { }));
        r.step();
        assertEquals(SimulationRunner.Stop.REACHED_LIMIT, r.play(1500, s -> { }));
        assertEquals(simulator(1500), r.snapshot().metrics(), "seed " + SEED);
    }

    @Test
    void stepPlaysExactlyOneRoundEvenWhenPaused() {
        SimulationRunner r = runner(new FakeTime(), 50);
        r.pause();
        SimulationSnapshot s = r.step();
        assertEquals(1, s.roundsPlayed());
        assertEquals(1, s.points());
        assertEquals(1, r.step().roundsPlayed() - 1);
        assertEquals(2, r.rounds());
    }

    /** A runner whose clock moves a second per read, so every round is followed by a snapshot. */
    private static SimulationRunner ticking() {
        long[] clock = {0};
        SyntheticWorld world = new SyntheticWorld(TWO, SEED);
        return new SimulationRunner(world, SimulationPolicies.create("thompson", SEED, world.featureNames()), 100, 50,
                () -> clock[0] += 1_000_000_000L, n -> { });
    }

    @Test
    void pauseStopsPlayAfterTheCurrentRoundAndResumeContinues() {
        SimulationRunner r = ticking();
        List<Long> seen = new ArrayList<>();
        SimulationRunner.Stop stop = r.play(10_000, s -> {
            seen.add(s.roundsPlayed());
            if (s.roundsPlayed() == 25) {
                r.pause();
            }
        });
        assertEquals(SimulationRunner.Stop.PAUSED, stop);
        assertEquals(25, r.rounds(), "no round after the pause");
        assertEquals(25L, seen.getLast(), "a last snapshot when stopping");
        assertEquals(SimulationRunner.Stop.PAUSED, r.play(10_000, s -> { }), "still paused");
        assertEquals(25, r.rounds());
        r.resume();
        assertEquals(SimulationRunner.Stop.REACHED_LIMIT, r.play(40, s -> { }));
        assertEquals(40, r.rounds());
    }

    @Test
    void playPacesRoundsToTheSpeedAndThrottlesSnapshots() {
        FakeTime time = new FakeTime();
        SimulationRunner r = runner(time, 50);
        r.setSpeed(10);
        List<SimulationSnapshot> got = new ArrayList<>();
        r.play(5, got::add);
        // rounds 1..5 are due at 0, 0.1, …, 0.4 s
        assertEquals(400_000_000L, time.slept);
        assertEquals(5, r.rounds());
        assertTrue(got.size() <= 5, "at most 12 snapshots a second, was " + got.size());
        assertEquals(5, got.getLast().roundsPlayed());
        assertThrows(IllegalArgumentException.class, () -> r.setSpeed(0));
        assertThrows(IllegalArgumentException.class, () -> r.setSpeed(Double.NaN));
    }

    @Test
    void asFastAsPossibleNeverSleeps() {
        FakeTime time = new FakeTime();
        SimulationRunner r = runner(time, 50);
        List<SimulationSnapshot> got = new ArrayList<>();
        r.play(2000, got::add);
        assertEquals(0, time.slept);
        assertEquals(1, got.size(), "the clock never moved: only the final snapshot");
    }

    @Test
    void cancelStopsARunningPlayForGood() {
        SimulationRunner r = ticking();
        SimulationRunner.Stop stop = r.play(10_000, s -> {
            if (s.roundsPlayed() == 10) {
                r.cancel();
            }
        });
        assertEquals(SimulationRunner.Stop.CANCELLED, stop);
        assertEquals(10, r.rounds());
        assertTrue(r.isCancelled());
        assertThrows(IllegalStateException.class, r::step);
        assertThrows(IllegalStateException.class, () -> r.play(100, s -> { }));
        assertEquals(10, r.rounds());
    }

    @Test
    void trajectoryIsThinnedAndEndsAtTheLatestRound() {
        SimulationRunner r = runner(new FakeTime(), 8);
        r.play(1001, s -> { });
        SimulationSnapshot s = r.snapshot();
        assertTrue(s.points() <= 2 * 8 + 1, "points " + s.points());
        long[] rounds = s.rounds();
        for (int i = 1; i < rounds.length; i++) {
            assertTrue(rounds[i] > rounds[i - 1], "ascending");
        }
        assertEquals(1001, rounds[rounds.length - 1]);
        assertEquals(s.metrics().cumulativeRegret(), s.regret()[s.points() - 1], 1e-12);
        double[] regret = s.regret();
        for (int i = 1; i < regret.length; i++) {
            assertTrue(regret[i] >= regret[i - 1], "cumulative regret never falls");
        }
        for (int i = 0; i < s.points(); i++) {
            double sum = 0;
            for (String arm : s.arms()) {
                sum += s.selectShare(arm)[i];
            }
            assertEquals(1.0, sum, 1e-9, "shares stack to 1 at point " + i);
        }
    }

    @Test
    void trajectoryPointsMatchTheMetricsAtThoseRounds() {
        SimulationRunner r = runner(new FakeTime(), 4);
        r.play(64, s -> { });
        SimulationSnapshot s = r.snapshot();
        long[] rounds = s.rounds();
        double[] regret = s.regret();
        for (int i = 0; i < rounds.length; i++) {
            assertEquals(simulator(rounds[i]).cumulativeRegret(), regret[i], 1e-12, "round " + rounds[i]);
        }
        assertArrayEquals(new long[] {8, 16, 24, 32, 40, 48, 56, 64}, rounds);
    }

    @Test
    void playAndStepRefuseToOverlap() {
        SimulationRunner r = ticking();
        Throwable[] inner = new Throwable[1];
        r.play(3, s -> {
            if (inner[0] == null) {
                inner[0] = assertThrows(IllegalStateException.class, r::step);
            }
        });
        assertEquals(3, r.rounds());
        assertTrue(inner[0] instanceof IllegalStateException, "a step inside a play was refused");
    }

    @Test
    void snapshotCarriesTheLatestRoundAndTheOracleBaselinesOnTheSameTraffic() {
        SimulationRunner r = runner(new FakeTime(), 8);
        assertEquals(null, r.snapshot().last());
        SimulationSnapshot first = r.step();
        assertEquals(0, first.last().round());
        r.play(300, s -> { });
        SimulationSnapshot s = r.snapshot();
        assertEquals(299, s.last().round());
        int n = s.points();
        assertEquals(s.metrics().ctr(), s.ctr()[n - 1], 1e-12);
        double best = Double.NEGATIVE_INFINITY;
        for (String arm : s.arms()) {
            double e = s.armExpected(arm)[n - 1];
            assertTrue(e >= 0 && e <= 1, arm + " " + e);
            best = Math.max(best, e);
        }
        // the per-round best arm is at least as good as any fixed arm on average
        assertTrue(s.bestExpected()[n - 1] >= best - 1e-12);
    }
}
