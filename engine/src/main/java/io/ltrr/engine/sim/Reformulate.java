package io.ltrr.engine.sim;

/**
 * Whether simulated users retry a failed search (scenario field {@code reformulate}; see
 * resources/engine/scenarios/README.md). After a round without a click whose query was mistyped or cut short, the
 * same user, with probability {@code probability}, searches again in the same session a few seconds later with the
 * words they meant. That follow-up takes the place of the next drawn round, so N rounds stay N searches and every
 * later round keeps its own traffic (the traffic stream is keyed by round number).
 *
 * @param probability   chance that a failed noisy search is retried (0 = off, the default)
 * @param windowSeconds the longest pause before the retry; the pause is uniform in 1..windowSeconds seconds. The
 *                      world's reformulation detector uses the application's default window (5 minutes), so a
 *                      larger value hides the slower retries from the rewrite model, as in production
 * @param rewriteArm    whether the {@code rewrite} arm (learned from these retries) is offered and the
 *                      {@code rewrite.p} feature is set; false simulates the same users without it
 */
public record Reformulate(double probability, int windowSeconds, boolean rewriteArm) {
    /** Users never retry; no rewrite arm. Existing scenarios keep their figures. */
    public static final Reformulate OFF = new Reformulate(0, 60, true);

    public Reformulate {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("reformulate.probability must be in [0, 1], was " + probability);
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("reformulate.window_seconds must be >= 1, was " + windowSeconds);
        }
    }

    /** Whether users retry at all. */
    public boolean on() {
        return probability > 0;
    }

    /** Whether the world offers the {@code rewrite} arm: only when users retry and the arm is not switched off. */
    public boolean offersRewrite() {
        return on() && rewriteArm;
    }

    /** The same behaviour of users, without the rewrite arm. */
    public Reformulate withoutRewriteArm() {
        return new Reformulate(probability, windowSeconds, false);
    }
}
