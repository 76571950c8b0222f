package io.ltrr.engine.catalog;

/**
 * The popularity prior of derived freemusi.cc items, in [0, 1]. The data has no play counts, so the curator's
 * judgement stands in for popularity.
 *
 * <ul>
 *   <li>track and album: {@code 0.8 * rating / 5 + 0.2 * activity / 3}; the rating (0-5 stars) dominates, the
 *       activity (1 passive .. 3 active) lifts energetic music a little, as a radio-style prior would. A rating
 *       and activity of 0 mean "not rated" and score 0: no curator endorsement.</li>
 *   <li>artist and station: {@code sum of member popularity / (n + 3)}, i.e. the mean member popularity times the
 *       count factor {@code n / (n + 3)}. One good track does not make a popular artist; with three tracks the mean
 *       counts half, with thirty about 90%.</li>
 * </ul>
 * Everything is rounded to {@value SampleCatalogWriter#POPULARITY_SCALE} decimals right away, so derived items
 * equal the items read back from the written catalog.
 */
final class FreemusiccPopularity {

    static final double RATING_WEIGHT = 0.8;
    static final double ACTIVITY_WEIGHT = 0.2;
    static final double MAX_RATING = 5;
    static final double MAX_ACTIVITY = 3;
    /** Pseudo-count of the aggregate: the number of members at which the count factor is one half. */
    static final int COUNT_HALF = 3;

    private FreemusiccPopularity() {
    }

    /** Popularity of a track or album from its (average) rating and activity. */
    static double rated(double rating, double activity) {
        return round(clamp(RATING_WEIGHT * rating / MAX_RATING + ACTIVITY_WEIGHT * activity / MAX_ACTIVITY));
    }

    /** Popularity of a group (artist, station) from the sum of its members' popularity and their number. */
    static double aggregate(double sum, int n) {
        return n == 0 ? 0.0 : round(clamp(sum / (n + COUNT_HALF)));
    }

    private static double round(double p) {
        return SampleCatalogWriter.roundPopularity(p).doubleValue();
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
