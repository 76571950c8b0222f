package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.context.Device;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogWorldTest {
    private static final long SEED = 77L;
    private static final MusicScenario DEFAULT = (MusicScenario) Scenarios.load("music-default");

    private static List<String> trace(String policy, long seed, int rounds, List<SimulationMetrics> metrics) {
        CatalogWorld world = SampleCatalogWorld.simulation().world(DEFAULT, seed);
        List<String> lines = new ArrayList<>();
        new Simulator(world).run(SimulationPolicies.create(policy, seed, world.featureNames()), rounds, metrics::add,
                o -> lines.add(o.userId() + "|" + o.query() + "|" + o.intent() + "|" + o.selection().chosen() + "|"
                        + java.util.Arrays.toString(o.expected()) + "|" + o.rewards() + "|" + o.ndcg10()),
                ProgressListener.NONE, CancellationToken.none());
        return lines;
    }

    @Test
    void sameSeedGivesTheSameRoundsAndMetrics() {
        List<SimulationMetrics> a = new ArrayList<>();
        List<SimulationMetrics> b = new ArrayList<>();
        assertEquals(trace("thompson", SEED, 300, a), trace("thompson", SEED, 300, b), "seed " + SEED);
        assertEquals(a, b, "seed " + SEED);
        SimulationMetrics last = a.getLast();
        assertTrue(last.ctr() > 0.1 && last.ctr() < 0.95, "ctr " + last.ctr());
        assertTrue(last.meanNdcg10() > 0, "ndcg " + last.meanNdcg10());
        assertTrue(last.cumulativeRegret() >= 0);
    }

    @Test
    void everyPolicyMeetsTheSameUsersAndQueries() {
        List<String> uniform = trace("uniform", SEED, 120, new ArrayList<>());
        List<String> fixed = trace("fixed:bm25", SEED, 120, new ArrayList<>());
        for (int i = 0; i < uniform.size(); i++) {
            String[] u = uniform.get(i).split("\\|");
            String[] f = fixed.get(i).split("\\|");
            assertEquals(u[0] + u[1] + u[2], f[0] + f[1] + f[2], "round " + i + ", seed " + SEED);
        }
    }

    @Test
    void contextShapesTheTraffic() {
        CatalogWorld world = SampleCatalogWorld.simulation().world(DEFAULT, SEED);
        Map<String, int[]> kinds = new TreeMap<>();
        for (int t = 0; t < 3000; t++) {
            CatalogWorld.Traffic tr = world.traffic(t);
            kinds.computeIfAbsent(tr.context().device().key(), k -> new int[IntentKind.values().length])
                    [tr.intent().kind().ordinal()]++;
            assertTrue(!tr.intent().grades().isEmpty(), "an intent without relevant items: " + tr.intent());
            if (tr.intent().kind() == IntentKind.AMBIGUOUS) {
                assertEquals(1, tr.intent().text().split(" ").length);
            }
        }
        int[] voice = kinds.get(Device.VOICE.key());
        int[] screen = kinds.get(Device.SCREEN.key());
        double voiceSpear = voice[0] / (double) (voice[0] + voice[1] + voice[2]);
        double screenSpear = screen[0] / (double) (screen[0] + screen[1] + screen[2]);
        assertEquals(0.85, voiceSpear, 0.05, "voice spearfishing share");
        assertEquals(0.4, screenSpear, 0.05, "screen spearfishing share");
    }

    @Test
    void oracleValuesArePerArmClickProbabilities() {
        CatalogWorld world = SampleCatalogWorld.simulation().world(DEFAULT, SEED);
        List<RoundOutcome> outcomes = new ArrayList<>();
        new Simulator(world).run(SimulationPolicies.create("uniform", SEED, world.featureNames()), 200,
                MetricsListener.NONE, outcomes::add, ProgressListener.NONE, CancellationToken.none());
        double[] mean = new double[world.arms().size()];
        for (RoundOutcome o : outcomes) {
            double[] e = o.expected();
            for (int i = 0; i < e.length; i++) {
                assertTrue(e[i] >= 0 && e[i] <= 1);
                mean[i] += e[i] / outcomes.size();
            }
            assertTrue(o.regret() >= 0);
        }
        // Lexical arms find what users ask for far more often than the exploration arm, which avoids the obvious.
        int bm25 = world.arms().indexOf("bm25");
        int explore = world.arms().indexOf("explore");
        assertTrue(mean[bm25] > mean[explore] + 0.1, String.format(Locale.ROOT, "bm25 %.3f explore %.3f",
                mean[bm25], mean[explore]));
    }
}
