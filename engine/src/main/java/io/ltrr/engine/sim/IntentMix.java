package io.ltrr.engine.sim;

import java.util.random.RandomGenerator;

/**
 * How often a group of users searches for each kind of intent (relative weights).
 *
 * @param spearfishing a specific track, album or artist
 * @param topical      a style, genre or decade
 * @param ambiguous    one common word, meant within the user's taste
 */
public record IntentMix(double spearfishing, double topical, double ambiguous) {
    public IntentMix {
        for (double w : new double[] {spearfishing, topical, ambiguous}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("intent_mix weights must be finite and >= 0, were "
                        + spearfishing + ", " + topical + ", " + ambiguous);
            }
        }
        if (spearfishing + topical + ambiguous <= 0) {
            throw new IllegalArgumentException("intent_mix: at least one weight must be > 0");
        }
    }

    /** Draws an intent kind. */
    public IntentKind draw(RandomGenerator random) {
        double u = random.nextDouble() * (spearfishing + topical + ambiguous);
        if (u < spearfishing) {
            return IntentKind.SPEARFISHING;
        }
        return u < spearfishing + topical ? IntentKind.TOPICAL : IntentKind.AMBIGUOUS;
    }
}
