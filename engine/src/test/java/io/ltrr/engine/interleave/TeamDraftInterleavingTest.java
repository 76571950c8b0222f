package io.ltrr.engine.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TeamDraftInterleavingTest {
    private static final Team A = Team.A;
    private static final Team B = Team.B;

    /** The coins the hand-worked examples use: seed 7 flips A, B, B, B, A, … ({@code true} = A picks first). */
    private static SplittableRandom coins() {
        return new SplittableRandom(7);
    }

    @Test
    void seedSevenFlipsTheCoinsTheExamplesAssume() {
        SplittableRandom c = coins();
        List<Boolean> flips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flips.add(c.nextBoolean());
        }
        assertEquals(List.of(true, false, false, false, true), flips);
    }

    @Test
    void mergesByTeamDraftWithTheCoinDecidingWhoPicksFirst() {
        // coin 1 A: A picks a, then B its best free b. coin 2 B: B picks e (b taken), then A c (b taken).
        // coin 3 B: B picks f (a taken), then A d. Both rankings are used up: no more coins, six items.
        Interleaving il = TeamDraftInterleaving.merge(List.of("a", "b", "c", "d", "e"),
                List.of("b", "e", "a", "f", "d"), 10, coins());
        assertEquals(List.of("a", "b", "e", "c", "f", "d"), il.items());
        assertEquals(List.of(A, B, B, A, B, A), il.teams());
        assertEquals(B, il.teamOf("e").orElseThrow());
        assertTrue(il.teamOf("z").isEmpty());
    }

    @Test
    void stopsAtTheListLength() {
        Interleaving il = TeamDraftInterleaving.merge(List.of("a", "b", "c", "d", "e"),
                List.of("b", "e", "a", "f", "d"), 3, coins());
        assertEquals(List.of("a", "b", "e"), il.items());
        assertEquals(List.of(A, B, B), il.teams());
        assertEquals(0, TeamDraftInterleaving.merge(List.of("a"), List.of("a"), 0, coins()).items().size());
    }

    @Test
    void whenOneRankingRunsOutTheOtherKeepsPickingWithoutCoins() {
        // coin 1 A: A picks x, B picks y; A has nothing left, so B picks z and w.
        Interleaving il = TeamDraftInterleaving.merge(List.of("x"), List.of("y", "z", "w"), 10, coins());
        assertEquals(List.of("x", "y", "z", "w"), il.items());
        assertEquals(List.of(A, B, B, B), il.teams());
    }

    @Test
    void identicalRankingsKeepTheirOrderAndShareEveryPairOfPicks() {
        List<String> ranking = List.of("1", "2", "3", "4", "5", "6", "7", "8");
        for (long seed = 0; seed < 50; seed++) {
            Interleaving il = TeamDraftInterleaving.merge(ranking, ranking, 8, new SplittableRandom(seed));
            assertEquals(ranking, il.items(), "seed " + seed);
            for (int pair = 0; pair < 4; pair++) {
                assertTrue(il.teams().get(2 * pair) != il.teams().get(2 * pair + 1), "seed " + seed + ", pair " + pair);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameMerge() {
        List<String> a = List.of("p", "q", "r", "s", "t", "u");
        List<String> b = List.of("u", "t", "s", "r", "q", "p");
        assertEquals(TeamDraftInterleaving.merge(a, b, 6, new SplittableRandom(99)),
                TeamDraftInterleaving.merge(a, b, 6, new SplittableRandom(99)));
    }

    @Test
    void refusesANegativeLength() {
        assertThrows(IllegalArgumentException.class,
                () -> TeamDraftInterleaving.merge(List.of(), List.of(), -1, coins()));
    }
}
