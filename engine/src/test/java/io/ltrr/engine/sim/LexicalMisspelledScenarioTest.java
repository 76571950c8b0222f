package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.qu.QueryNormalizer;
import io.ltrr.engine.retrieval.QueryRewriter;
import io.ltrr.engine.retrieval.RewriteStrategy;
import io.ltrr.engine.rewrite.ReformulationDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped scenario {@code music-lexical-misspelled}: a lexical-only deployment whose users misspell head queries
 * the same way and retry with the spelling they meant. The rewrite arm learns from those retries and earns clicks.
 */
class LexicalMisspelledScenarioTest {
    private static final long SEED = 42L;
    private static final int ROUNDS = 1000;
    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();
    private static MusicScenario scenario;
    private static CatalogWorld world;
    private static final List<RoundOutcome> outcomes = new ArrayList<>();
    private static final List<String> relations = new ArrayList<>();

    @BeforeAll
    static void playOneSeededRun() {
        scenario = (MusicScenario) Scenarios.load("music-lexical-misspelled");
        world = SampleCatalogWorld.simulation().world(scenario, SEED);
        SelectionPolicy policy = SimulationPolicies.create("linucb", SEED, world.featureNames());
        new Simulator(world).run(policy, ROUNDS, MetricsListener.NONE, o -> {
            outcomes.add(o);
            world.retries().lastReformulation().filter(r -> r.toSearchId().equals("s-" + (o.round() + 1)))
                    .ifPresent(r -> relations.add(r.relation()));
        }, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void aLexicalDeploymentWithTheRewriteArmAndHeadIntents() {
        assertEquals(List.of("bm25", "bm25-pop", "explore", "memory", "rewrite"), world.arms());
        assertEquals(150, scenario.spearfishingHead());
        assertEquals(1.0, scenario.noise().typoHabit());
        assertTrue(scenario.reformulate().offersRewrite());
        assertFalse(scenario.withoutRewrite().reformulate().offersRewrite());
    }

    @Test
    void retriesReachTheRewriteModelAsReformulations() {
        // The users fix a typo or finish a cut query (sometimes with the words back in order): lexical relations
        // only, most of them typo fixes; no embedder here, so nothing semantic.
        assertTrue(relations.size() >= 50, "reformulations recorded in " + ROUNDS + " rounds: " + relations.size());
        assertFalse(relations.contains(ReformulationDetector.SEMANTIC), relations.toString());
        long typos = relations.stream().filter(ReformulationDetector.TYPO::equals).count();
        assertTrue(typos > relations.size() / 2, relations.toString());
        assertTrue(relations.contains(ReformulationDetector.PREFIX), "a finished query: " + relations);
        assertTrue(world.retries().tracker().model().failedQueries().size() >= 20,
                "failed queries with a reformulation: " + world.retries().tracker().model().failedQueries().size());
    }

    @Test
    void theRewriteArmIsOfferedExactlyWhenARewriteIsKnownAndEarnsClicks() {
        int eligible = 0;
        int chosen = 0;
        int rewarded = 0;
        for (RoundOutcome o : outcomes) {
            boolean known = o.x().value("rewrite.p") > 0;
            assertEquals(known, o.selection().propensity().containsKey(RewriteStrategy.ID), "round " + o.round());
            if (known) {
                eligible++;
            }
            if (o.selection().isChosen(RewriteStrategy.ID)) {
                assertTrue(known, "chosen without a rewrite, round " + o.round());
                chosen++;
                rewarded += o.rewards().get(RewriteStrategy.ID) > 0 ? 1 : 0;
            }
        }
        assertTrue(eligible >= 50, "rounds with a known rewrite: " + eligible);
        assertTrue(chosen >= 20, "rounds the rewrite arm served: " + chosen);
        assertTrue(rewarded >= chosen / 4, "the rewrite arm earned clicks in " + rewarded + " of " + chosen);
    }

    @Test
    void repeatedRetriesTeachTheCorrectedQueryWithItsAbsorptionProbability() {
        CatalogWorld fresh = SampleCatalogWorld.simulation().world(scenario, SEED);
        CatalogWorld.Traffic typo = null;
        for (long t = 0; typo == null; t++) {
            CatalogWorld.Traffic tr = fresh.traffic(t);
            if (tr.query().distortions().contains("typo") && !tr.query().distortions().contains("truncated")) {
                typo = tr;
            }
        }
        String from = normalized(typo.query().text());
        String meant = normalized(QueryWriter.meant(typo.intent(), typo.query()).text());
        QueryRewriter model = fresh.retries().tracker().model();
        assertTrue(model.rewrite(from).isEmpty(), "nothing learned yet");

        // Two sessions whose retry got a click, one whose retry did not: from → meant succeeded twice, failed once.
        // With the abandonment pseudo-count 1: P(absorbed in "meant succeeded" | "from failed") = 2 / (3 + 1).
        long next = session(fresh, typo, from, 5000, true);
        next = session(fresh, typo, from, next, false);
        next = session(fresh, typo, from, next, true);
        QueryRewriter.Rewrite r = model.rewrite(from).orElseThrow();
        assertEquals(meant, r.query());
        assertEquals(0.5, r.probability(), 1e-12);

        session(fresh, typo, from, next, true);
        assertEquals(3.0 / 5, model.rewrite(from).orElseThrow().probability(), 1e-12, "refreshed at once");
    }

    /**
     * One session: the misspelled search fails at the first round from {@code round} on whose coin says the user
     * retries (90 %), and the retry gets a click or not. Returns the round after the retry.
     */
    private static long session(CatalogWorld world, CatalogWorld.Traffic typo, String from, long round,
                                boolean retryClicked) {
        for (long t = round; t < round + 100; t += 2) {
            world.retries().played(t, typo, from, false);
            var retry = world.retries().retryAt(t + 1);
            if (retry.isPresent()) {
                world.retries().played(t + 1, retry.get(), normalized(retry.get().query().text()), retryClicked);
                return t + 2;
            }
        }
        throw new AssertionError("no retry within 50 failed searches (probability 0.9, seed " + SEED + ")");
    }

    private static String normalized(String query) {
        return NORMALIZER.normalize(query).text();
    }
}
