package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.QueryNormalizer;
import io.ltrr.engine.retrieval.Bm25Strategy;
import io.ltrr.engine.retrieval.Candidate;
import io.ltrr.engine.retrieval.CandidateList;
import io.ltrr.engine.retrieval.RetrievalRequest;
import io.ltrr.engine.retrieval.RetrievalStrategy;
import io.ltrr.engine.retrieval.RewriteStrategy;
import io.ltrr.engine.store.Reformulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Simulated users who retry a failed search, and the rewrite arm that learns from them. */
class ReformulatingUsersTest {
    private static final long SEED = 31L;
    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();

    /** Every query mistyped, never cut, reordered or asked as "artist title"; every failure retried. */
    private static MusicScenario typists(String reformulate) {
        return (MusicScenario) Scenarios.parse("""
                {"kind": "music", "users": 300,
                 "intent_mix": {"screen": {"spearfishing": 1}, "voice": {"spearfishing": 1}},
                 "query_noise": {"typo": 1, "truncate": 0, "reorder": 0, "artist_title": 0},
                 "reformulate": %s}""".formatted(reformulate), "test");
    }

    private static String normalized(String query) {
        return NORMALIZER.normalize(query).text();
    }

    @Test
    void aFailedMistypedSearchIsRetriedWithTheMeantQueryInTheSameSession() {
        CatalogWorld world = SampleCatalogWorld.simulation().world(typists("{\"probability\": 1}"), SEED);
        SelectionPolicy policy = SimulationPolicies.create("fixed:bm25", SEED, world.featureNames());
        int checked = 0;
        for (long t = 0; t < 200 && checked < 3; t++) {
            RoundOutcome failed = world.play(t, policy);
            CatalogWorld.Traffic drawn = world.traffic(t);
            if (failed.clicked() || !SessionRetries.noisy(drawn.query())) {
                // A click, or a query too short to mistype (no word of 4+ letters): nothing to fix.
                assertTrue(world.retries().scheduled().isEmpty(), "not retried, round " + t);
                continue;
            }
            SessionRetries.Pending pending = world.retries().scheduled().orElseThrow();
            assertEquals(t + 1, pending.round());
            assertEquals("sim-" + t, pending.failed().sessionId());

            t++;
            RoundOutcome retry = world.play(t, policy);
            String meant = QueryWriter.meant(drawn.intent(), drawn.query()).text();
            assertEquals(meant, retry.query(), "round " + t);
            assertEquals(failed.userId(), retry.userId());
            assertEquals(failed.intent(), retry.intent());
            assertTrue(pending.retry().context().localTime().isAfter(drawn.context().localTime()));
            Reformulation r = world.retries().lastReformulation().orElseThrow();
            assertEquals("sim-" + (t - 1), r.sessionId(), "the retry is in the failed search's session");
            assertEquals(normalized(failed.query()), r.fromQuery());
            assertEquals(normalized(meant), r.toQuery());
            assertEquals(retry.clicked(), r.succeeded());
            assertTrue(world.retries().scheduled().isEmpty(), "a retry is typed as meant and never retried");
            checked++;
        }
        assertEquals(3, checked, "three failed searches within 200 rounds");
    }

    @Test
    void afterAFewRetriesTheRewriteArmFindsTheTargetOfTheMisspelledQuery() {
        CatalogWorld world = SampleCatalogWorld.simulation().world(typists("{\"probability\": 1}"), SEED);
        RetrievalStrategy rewrite = world.engine().arms().get(RewriteStrategy.ID);
        RetrievalStrategy bm25 = world.engine().arms().get(Bm25Strategy.ID);
        assertTrue(world.arms().contains(RewriteStrategy.ID));
        // A drawn search for a track whose meant title BM25 finds and whose typo it does not: the rewrite's case.
        CatalogWorld.Traffic traffic = null;
        String target = null;
        for (long t = 0; traffic == null; t++) {
            CatalogWorld.Traffic tr = world.traffic(t);
            String best = bestItem(tr.intent().grades());
            String meant = QueryWriter.meant(tr.intent(), tr.query()).text();
            if (ids(bm25.retrieve(new RetrievalRequest(meant, 0), 10)).contains(best)
                    && !ids(bm25.retrieve(new RetrievalRequest(tr.query().text(), 0), 10)).contains(best)) {
                traffic = tr;
                target = best;
            }
        }
        RetrievalRequest misspelled = new RetrievalRequest(traffic.query().text(), 0);
        assertTrue(rewrite.retrieve(misspelled, 10).candidates().isEmpty(), "nothing learned yet");

        for (long pair = 0; pair < 3; pair++) {
            long failedRound = 1000 + 2 * pair;
            world.retries().played(failedRound, traffic, normalized(traffic.query().text()), false);
            CatalogWorld.Traffic retry = world.retries().retryAt(failedRound + 1).orElseThrow();
            world.retries().played(failedRound + 1, retry, normalized(retry.query().text()), true);
        }
        CandidateList found = rewrite.retrieve(misspelled, 10);
        assertTrue(ids(found).contains(target), found.note() + " should find " + target);
        assertTrue(found.note().contains(normalized(QueryWriter.meant(traffic.intent(), traffic.query()).text())),
                found.note());
    }

    @Test
    void sameSeedsGiveTheSameRunWithRetriesOn() {
        MusicScenario scenario = (MusicScenario) Scenarios.load("music-reformulating");
        assertTrue(scenario.reformulate().offersRewrite());
        List<String> a = trace(scenario, "thompson", 250);
        List<String> b = trace(scenario, "thompson", 250);
        assertEquals(a, b);
        assertTrue(SampleCatalogWorld.simulation().world(scenario, SEED).arms().contains(RewriteStrategy.ID),
                "the rewrite arm is offered (a policy may choose it in the rounds whose query has a known rewrite)");
    }

    @Test
    void retriesTakeTheNextRoundsPlaceAndLeaveTheOtherTrafficAlone() {
        MusicScenario on = typists("{\"probability\": 1, \"rewrite_arm\": false}");
        MusicScenario off = typists("{\"probability\": 0}");
        assertFalse(SampleCatalogWorld.simulation().world(on, SEED).arms().contains(RewriteStrategy.ID));
        List<String> with = trace(on, "fixed:bm25", 60);
        List<String> without = trace(off, "fixed:bm25", 60);
        assertEquals(with.size(), without.size(), "a retry replaces a drawn round: N rounds stay N searches");
        int first = 0;
        while (with.get(first).equals(without.get(first))) {
            first++;
        }
        assertTrue(first > 0 && without.get(first - 1).contains("|false|"), "the first difference follows a failure");
        assertEquals(with.get(first - 1).split("\\|")[0], with.get(first).split("\\|")[0], "the same user retries");
        // Later rounds meet the drawn traffic as before, unless they are retries themselves (the click memory has
        // learnt differently, so only who searches for what typing what is compared).
        for (int t = first + 1; t < with.size(); t++) {
            if (!with.get(t - 1).contains("|false|")) {
                assertEquals(traffic(without.get(t)), traffic(with.get(t)), "round " + t);
            }
        }
    }

    @Test
    void habitualTyposAreTheSameForEveryUser() {
        Intent intent = new Intent(IntentKind.SPEARFISHING, "test", "Portishead Glory Box", "", Map.of());
        QueryWriter habitual = new QueryWriter(new QueryNoise(1, 0, 0, 0, 1));
        QueryWriter fresh = new QueryWriter(new QueryNoise(1, 0, 0, 0, 0));
        java.util.Set<String> habits = new java.util.TreeSet<>();
        java.util.Set<String> fresher = new java.util.TreeSet<>();
        for (long user = 0; user < 40; user++) {
            habits.add(habitual.write(intent, RandomStreams.of(SEED, user, RandomStreams.TRAFFIC)).text());
            fresher.add(fresh.write(intent, RandomStreams.of(SEED, user, RandomStreams.TRAFFIC)).text());
        }
        // One habitual misspelling per long word ("portishead", "glory"), whoever types it.
        assertEquals(2, habits.size(), habits.toString());
        assertTrue(fresher.size() > 10, fresher.toString());
    }

    @Test
    void scenariosWithoutTheFieldNeverRetryAndOfferNoRewriteArm() {
        MusicScenario misspelled = (MusicScenario) Scenarios.load("music-misspelled");
        assertEquals(Reformulate.OFF, misspelled.reformulate());
        assertFalse(SampleCatalogWorld.simulation().world(misspelled, SEED).arms().contains(RewriteStrategy.ID));
        MusicScenario without = ((MusicScenario) Scenarios.load("music-reformulating")).withoutRewrite();
        assertTrue(without.reformulate().on());
        assertFalse(SampleCatalogWorld.simulation().world(without, SEED).arms().contains(RewriteStrategy.ID));
        assertNotEquals(without, Scenarios.load("music-reformulating"));
    }

    private static List<String> trace(MusicScenario scenario, String policy, int rounds) {
        CatalogWorld world = SampleCatalogWorld.simulation().world(scenario, SEED);
        List<String> lines = new ArrayList<>();
        new Simulator(world).run(SimulationPolicies.create(policy, SEED, world.featureNames()), rounds,
                MetricsListener.NONE, o -> lines.add(o.userId() + "|" + o.query() + "|" + o.intent() + "|"
                        + o.selection().chosen() + "|" + o.clicked() + "|" + java.util.Arrays.toString(o.expected())
                        + "|" + o.ndcg10()),
                ProgressListener.NONE, CancellationToken.none());
        return lines;
    }

    private static String traffic(String line) {
        String[] f = line.split("\\|");
        return f[0] + "|" + f[1] + "|" + f[2];
    }

    private static String bestItem(Map<String, Integer> grades) {
        return grades.entrySet().stream().filter(e -> e.getValue() == 3).map(Map.Entry::getKey).sorted().findFirst()
                .orElse("");
    }

    private static List<String> ids(CandidateList list) {
        return list.candidates().stream().map(Candidate::itemId).toList();
    }
}
