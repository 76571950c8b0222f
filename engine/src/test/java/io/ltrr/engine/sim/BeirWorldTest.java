package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirWorldTest {
    private static final long SEED = 11L;
    /** Each query's one word occurs in its relevant document only, so bm25 ranks that document first. */
    private static final String[][] QUERIES = {
            {"q1", "aardvark", "d1"}, {"q2", "zeppelin", "d2"}, {"q3", "quasar", "d3"}, {"q4", "glacier", "d4"}};

    @TempDir
    Path tmp;

    /** A BEIR collection of 8 documents and 4 judged queries, one relevant document each (grade 1). */
    private Path collection() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tiny"));
        List<String> corpus = new ArrayList<>();
        for (String[] q : QUERIES) {
            corpus.add("{\"_id\": \"" + q[2] + "\", \"title\": \"On the " + q[1] + "\", \"text\": \"A study of the "
                    + q[1] + " in detail.\"}");
        }
        for (int i = 5; i <= 8; i++) {
            corpus.add("{\"_id\": \"d" + i + "\", \"title\": \"Filler " + i + "\", \"text\": \"Nothing to see here.\"}");
        }
        Files.write(dir.resolve("corpus.jsonl"), corpus, StandardCharsets.UTF_8);
        List<String> queries = new ArrayList<>();
        List<String> qrels = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
        for (String[] q : QUERIES) {
            queries.add("{\"_id\": \"" + q[0] + "\", \"text\": \"" + q[1] + "\"}");
            qrels.add(q[0] + "\t" + q[2] + "\t1");
        }
        Files.write(dir.resolve("queries.jsonl"), queries, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("qrels"));
        Files.write(dir.resolve("qrels/test.tsv"), qrels, StandardCharsets.UTF_8);
        return dir;
    }

    /** Cascade clicks: a relevant document is clicked with 0.9 when examined, nothing else ever. */
    private static BeirScenario scenario(Path collection) {
        return (BeirScenario) Scenarios.parse("""
                {"kind": "beir", "collection": "%s", "users": 50, "voice_share": 0.5, "arms": [],
                 "max_arms": 2, "total_candidates": 20, "min_per_arm": 5, "shown": 3, "voice_depth": 1,
                 "click_model": {"kind": "cascade", "attractiveness": [0, 0.9, 0.9, 0.9]}}
                """.formatted(collection.toString().replace("\\", "\\\\")), "test");
    }

    private BeirSimulation open(Path collection) throws IOException {
        return BeirSimulation.open(collection, null, tmp.resolve("data"), ProgressListener.NONE,
                CancellationToken.none());
    }

    @Test
    void sameSeedGivesTheSameMetricsAndRegretIsNeverNegative() throws IOException {
        Path dir = collection();
        BeirScenario sc = scenario(dir);
        try (BeirSimulation sim = open(dir)) {
            assertEquals(4, sim.intentCount());
            assertEquals(List.of("bm25", "bm25-pop", "structured", "explore"), sim.availableArms());
            List<List<SimulationMetrics>> runs = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                BeirWorld world = sim.world(sc, SEED);
                List<SimulationMetrics> metrics = new ArrayList<>();
                new Simulator(world).run(SimulationPolicies.create("thompson", SEED, world.featureNames()), 200,
                        metrics::add, o -> assertTrue(o.regret() >= 0, "round " + o.round() + " regret " + o.regret()),
                        ProgressListener.NONE, CancellationToken.none());
                runs.add(metrics);
            }
            assertEquals(runs.get(0), runs.get(1), "seed " + SEED);
            SimulationMetrics last = runs.get(0).getLast();
            assertTrue(last.cumulativeRegret() >= 0, "regret " + last.cumulativeRegret());
            assertTrue(last.ctr() > 0, "ctr " + last.ctr());
        }
        // the collection index lives apart from the embedded one ltrr eval builds
        assertTrue(Files.isDirectory(tmp.resolve("data/collections").resolve(BeirSimulation.indexName(dir))));
    }

    @Test
    void anArmRankingTheRelevantDocumentFirstIsWorthItsAttractiveness() throws IOException {
        Path dir = collection();
        try (BeirSimulation sim = open(dir)) {
            BeirWorld world = sim.world(scenario(dir), SEED);
            int voice = 0;
            for (long t = 0; t < 60; t++) {
                RoundOutcome o = world.play(t, new FixedArmPolicy("explore"));
                // cascade: the relevant document at rank 1 is clicked with 0.9, the others never, so o = 0.9
                // whatever the depth (3 on a screen, 1 by voice)
                assertEquals(0.9, o.expected("bm25"), 1e-12, "round " + t + " query " + o.query());
                assertEquals(IntentKind.COLLECTION.key() + ":" , o.intent().substring(0, "collection:".length()));
                voice += world.traffic(t).context().device() == io.ltrr.engine.context.Device.VOICE ? 1 : 0;
                assertTrue(o.regret() >= 0);
            }
            assertTrue(voice > 0 && voice < 60, "voice rounds " + voice);
        }
    }

    @Test
    void theShippedScenarioReadsAndTheCollectionIsFoundUnderTheHome() throws IOException {
        BeirScenario shipped = (BeirScenario) Scenarios.load("beir-scifact");
        assertEquals("beir", shipped.kind());
        assertEquals("train", shipped.split());
        Path home = Files.createDirectories(tmp.resolve("root"));
        collection();
        BeirScenario relative = new BeirScenario("", "../tiny", null, 10, 0, List.of(), 1, 10, 1, 3, 1,
                shipped.clickModel());
        String before = System.getProperty(BeirScenario.HOME_PROPERTY);
        try {
            System.setProperty(BeirScenario.HOME_PROPERTY, home.toString());
            assertEquals(tmp.resolve("tiny").normalize(), relative.locateCollection());
        } finally {
            if (before == null) {
                System.clearProperty(BeirScenario.HOME_PROPERTY);
            } else {
                System.setProperty(BeirScenario.HOME_PROPERTY, before);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.parse("{\"kind\": \"beir\", \"collection\": \"x\", \"query_noise\": {}}", "t"));
        assertTrue(e.getMessage().contains("query_noise"), e.getMessage());
    }
}
