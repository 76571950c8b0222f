package io.ltrr.engine.sim;

/**
 * How users mangle the words of what they want.
 *
 * @param typo        probability of one edited character (substitution, deletion, insertion or transposition)
 * @param truncate    probability that the query stops early (last word dropped or cut to a prefix)
 * @param reorder     probability that two words swap places
 * @param artistTitle probability that a track is asked for as "artist title" rather than by its title alone
 * @param typoHabit   probability that a typo is the word's habitual misspelling, the same edit for every user
 *                    (real misspellings concentrate on a few forms, which is what lets reformulations be learnt);
 *                    otherwise the edit is drawn afresh. 0 (the default) keeps every typo fresh
 */
public record QueryNoise(double typo, double truncate, double reorder, double artistTitle, double typoHabit) {
    public QueryNoise {
        check("typo", typo);
        check("typo_habit", typoHabit);
        check("truncate", truncate);
        check("reorder", reorder);
        check("artist_title", artistTitle);
    }

    /** Noise whose typos are all drawn afresh (the form before {@code typo_habit} existed). */
    public QueryNoise(double typo, double truncate, double reorder, double artistTitle) {
        this(typo, truncate, reorder, artistTitle, 0);
    }

    /** Careful typists. */
    public static QueryNoise defaults() {
        return new QueryNoise(0.1, 0.1, 0.05, 0.4);
    }

    private static void check(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("query_noise." + field + " must be in [0, 1], was " + p);
        }
    }
}
