package io.ltrr.engine.clicks.recovery;

/**
 * A simulated click log whose true relevance is known: {@code queries} queries, each with {@code itemsPerQuery}
 * candidate items graded 0–3 (40 %, 30 %, 20 %, 10 %); each session one query, uniformly, whose candidates a
 * logging ranker orders by grade plus its own error about the item (Gaussian, sd {@code rankerError}, drawn once
 * per item: a production ranker's lasting mistakes, which put some poor items high and some good ones low) plus
 * noise drawn per session (Gaussian, sd {@code sessionNoise}: items move between neighbouring positions, which
 * lets position effects be told apart from relevance), showing the top {@code shown}; the simulator's users
 * click.
 *
 * @param queries       distinct queries
 * @param itemsPerQuery candidates per query
 * @param shown         results shown per session (at most the candidates)
 * @param sessions      sessions logged
 * @param rankerError   sd of the logging ranker's lasting error per item, in grades
 * @param sessionNoise  sd of its noise per session, in grades
 * @param seed          the seed: the same setup gives the same sessions
 */
public record ClickLogSetup(int queries, int itemsPerQuery, int shown, int sessions, double rankerError,
                            double sessionNoise, long seed) {
    public ClickLogSetup {
        if (queries < 1) {
            throw new IllegalArgumentException("queries must be >= 1, was " + queries);
        }
        if (itemsPerQuery < 1) {
            throw new IllegalArgumentException("items_per_query must be >= 1, was " + itemsPerQuery);
        }
        if (shown < 1 || shown > itemsPerQuery) {
            throw new IllegalArgumentException("shown must be in [1, items_per_query], was " + shown);
        }
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions must be >= 1, was " + sessions);
        }
        if (!(rankerError >= 0 && rankerError <= 100)) {
            throw new IllegalArgumentException("ranker_error must be in [0, 100], was " + rankerError);
        }
        if (!(sessionNoise >= 0 && sessionNoise <= 100)) {
            throw new IllegalArgumentException("session_noise must be in [0, 100], was " + sessionNoise);
        }
    }

    /** 30 queries × 15 candidates, 10 shown, 20,000 sessions, ranker error sd 1 grade, session noise sd 0.5. */
    public static ClickLogSetup defaults(long seed) {
        return new ClickLogSetup(30, 15, 10, 20_000, 1.0, 0.5, seed);
    }

    public ClickLogSetup withSessions(int n) {
        return new ClickLogSetup(queries, itemsPerQuery, shown, n, rankerError, sessionNoise, seed);
    }
}
