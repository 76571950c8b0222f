package io.ltrr.engine.interleave;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

/** What one interleaved impression says: team A's ranker preferred, team B's, or neither. */
public enum ImpressionOutcome {
    A_WINS,
    B_WINS,
    /** As many credited clicks for both teams, none included (a page nobody clicked). */
    TIE;

    /**
     * Credits the clicks of one impression (Radlinski et al. 2008): each distinct clicked item counts once for the
     * team that drafted it, and the team with more clicked items wins. A clicked item of no team (an exploration
     * slot, placed by neither ranker) counts for neither.
     *
     * @param teams   the team of each shown item that has one, by item (or by position)
     * @param clicked the clicked items (or positions) of the impression; repeats count once
     */
    public static <K> ImpressionOutcome credit(Map<K, Team> teams, Collection<K> clicked) {
        int a = 0;
        int b = 0;
        for (K k : new HashSet<>(clicked)) {
            Team t = teams.get(k);
            if (t == Team.A) {
                a++;
            } else if (t == Team.B) {
                b++;
            }
        }
        return a > b ? A_WINS : b > a ? B_WINS : TIE;
    }

    /** The same impression seen with the sides swapped. */
    public ImpressionOutcome swapped() {
        return this == A_WINS ? B_WINS : this == B_WINS ? A_WINS : TIE;
    }
}
