package io.ltrr.engine.interleave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Team-draft interleaving (Radlinski, Kurup and Joachims, "How does clickthrough data reflect retrieval quality?",
 * CIKM 2008). Like captains choosing players: the team with fewer picks so far picks next, and when both have as
 * many a coin decides who picks first; a team picks its ranker's highest item not yet on the merged list, and that
 * item is credited to it. Each ranker's preferences are thus represented equally at every depth, and a user who
 * clicks at random credits both teams alike.
 *
 * <p>When one ranking runs out (the rankings hold different items), the other team keeps picking until its ranking
 * runs out too or the list is full; the original algorithm stops there instead, which it can because its rankings
 * rank the same documents. Here both rankings normally order the same candidate union, and then both run out
 * together.
 */
public final class TeamDraftInterleaving {
    private TeamDraftInterleaving() {
    }

    /**
     * Merges two rankings into at most {@code n} items.
     *
     * @param a     ranking of team A, best first (repeated items count once)
     * @param b     ranking of team B, best first
     * @param n     most items of the merged list (≥ 0)
     * @param coins one {@code nextBoolean()} per pair of picks, {@code true}: A picks first
     */
    public static Interleaving merge(List<String> a, List<String> b, int n, RandomGenerator coins) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        List<String> items = new ArrayList<>();
        List<Team> teams = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int nextA = 0;
        int nextB = 0;
        int picksA = 0;
        int picksB = 0;
        while (items.size() < n) {
            nextA = firstFree(a, nextA, taken);
            nextB = firstFree(b, nextB, taken);
            boolean aLeft = nextA < a.size();
            boolean bLeft = nextB < b.size();
            if (!aLeft && !bLeft) {
                break;
            }
            boolean pickA;
            if (!aLeft || !bLeft) {
                pickA = aLeft;
            } else if (picksA != picksB) {
                pickA = picksA < picksB;
            } else {
                pickA = coins.nextBoolean();
            }
            String item = pickA ? a.get(nextA) : b.get(nextB);
            taken.add(item);
            items.add(item);
            teams.add(pickA ? Team.A : Team.B);
            if (pickA) {
                picksA++;
            } else {
                picksB++;
            }
        }
        return new Interleaving(items, teams);
    }

    private static int firstFree(List<String> ranking, int from, Set<String> taken) {
        int i = from;
        while (i < ranking.size() && taken.contains(ranking.get(i))) {
            i++;
        }
        return i;
    }
}
