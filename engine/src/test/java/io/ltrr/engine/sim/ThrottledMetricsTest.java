package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ThrottledMetricsTest {
    @Test
    void forwardsAtMostTenUpdatesPerSimulatedSecondPlusTheFinalOne() {
        long[] now = {0};
        List<SimulationMetrics> got = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        ThrottledMetrics throttle = new ThrottledMetrics(m -> {
            got.add(m);
            at.add(now[0]);
        }, () -> now[0]);
        SyntheticWorld world = new SyntheticWorld((SyntheticScenario) Scenarios.load("synthetic-two-contexts"), 1);
        int rounds = 10_003;
        // Each simulated round takes 0.3 ms of simulated time: 3,000 rounds per second.
        new Simulator(world).run(new FixedArmPolicy("dense"), rounds, throttle, o -> now[0] += 300_000,
                ProgressListener.NONE, CancellationToken.none());
        Map<Long, Integer> perSecond = new TreeMap<>();
        for (int i = 0; i < at.size() - 1; i++) {
            perSecond.merge(at.get(i) / 1_000_000_000L, 1, Integer::sum);
        }
        perSecond.forEach((second, n) -> assertTrue(n <= 10, n + " updates in second " + second));
        assertTrue(got.size() >= 30 && got.size() <= 32, "about 3 s at 10/s, was " + got.size());
        assertEquals(rounds, got.getLast().rounds(), "the final snapshot is always forwarded");
    }
}
