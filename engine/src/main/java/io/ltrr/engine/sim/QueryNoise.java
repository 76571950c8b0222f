package io.ltrr.engine.sim;

/**
 * How users mangle the words of what they want.
 *
 * @param typo        probability of one edited character (substitution, deletion, insertion or transposition)
 * @param truncate    probability that the query stops early (last word dropped or cut to a prefix)
 * @param reorder     probability that two words swap places
 * @param artistTitle probability that a track is asked for as "artist title" rather than by its title alone
 */
public record QueryNoise(double typo, double truncate, double reorder, double artistTitle) {
    public QueryNoise {
        check("typo", typo);
        check("truncate", truncate);
        check("reorder", reorder);
        check("artist_title", artistTitle);
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
