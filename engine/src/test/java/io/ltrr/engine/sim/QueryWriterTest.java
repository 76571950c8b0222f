package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryWriterTest {
    private static final Intent TRACK = new Intent(IntentKind.SPEARFISHING, "spearfishing:t1", "Orange Horizon",
            "Valliam Orange Horizon", Map.of("t1", 3));

    @Test
    void sameSeedSameQueries() {
        QueryWriter writer = new QueryWriter(new QueryNoise(0.5, 0.3, 0.2, 0.4));
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(writer.write(TRACK, new SplittableRandom(seed)), writer.write(TRACK, new SplittableRandom(seed)),
                    "seed " + seed);
        }
    }

    @Test
    void aTypoIsExactlyOneEdit() {
        QueryWriter writer = new QueryWriter(new QueryNoise(1, 0, 0, 0));
        for (long seed = 0; seed < 500; seed++) {
            SimulatedQuery q = writer.write(TRACK, new SplittableRandom(seed));
            assertEquals(List.of("typo"), q.distortions(), "seed " + seed);
            assertNotEquals("orange horizon", q.text(), "seed " + seed);
            assertEquals(1, damerauLevenshtein("orange horizon", q.text()), "seed " + seed + ": " + q.text());
        }
    }

    @Test
    void truncationCutsTheEndAndReorderingSwapsWords() {
        SimulatedQuery cut = new QueryWriter(new QueryNoise(0, 1, 0, 0)).write(
                new Intent(IntentKind.TOPICAL, "topical:x", "Trip", "", Map.of()), new SplittableRandom(1));
        assertEquals("trip", cut.text(), "a four-letter word is too short to cut");
        SimulatedQuery prefix = new QueryWriter(new QueryNoise(0, 1, 0, 0)).write(
                new Intent(IntentKind.TOPICAL, "topical:x", "Downtempo", "", Map.of()), new SplittableRandom(1));
        assertTrue("downtempo".startsWith(prefix.text()) && prefix.text().length() >= 3
                && prefix.text().length() < 9, prefix.text());
        SimulatedQuery three = new QueryWriter(new QueryNoise(0, 1, 0, 1)).write(TRACK, new SplittableRandom(3));
        assertEquals("valliam orange", three.text());
        assertEquals(List.of("artist+title", "truncated"), three.distortions());
        SimulatedQuery swapped = new QueryWriter(new QueryNoise(0, 0, 1, 0)).write(TRACK, new SplittableRandom(3));
        assertEquals("horizon orange", swapped.text());
    }

    @Test
    void noisyScenarioMisspellsAboutAsOftenAsConfigured() {
        QueryWriter writer = new QueryWriter(((MusicScenario) Scenarios.load("music-misspelled")).noise());
        List<SimulatedQuery> qs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 4000; i++) {
            qs.add(writer.write(TRACK, random));
        }
        double typos = qs.stream().filter(q -> q.distortions().contains("typo")).count() / 4000.0;
        // Every query has a word of 4+ letters, so typo = 0.5 exactly in expectation (sd ≈ 0.008).
        assertEquals(0.5, typos, 0.035);
    }

    private static int damerauLevenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
