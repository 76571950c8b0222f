package io.ltrr.engine.prefs;

import java.util.Objects;

/**
 * One preference read from what a user said: a style or genre and how much more (positive) or less (negative)
 * of it they want.
 *
 * @param style the style as the catalog spells it
 * @param delta change of the style's weight, in [−1, 1]
 * @param cue   the words that carried the polarity ("like", "less", "don't like", …)
 */
public record PreferenceStatement(String style, double delta, String cue) {
    public PreferenceStatement {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(cue, "cue");
        if (!(delta >= -1 && delta <= 1) || delta == 0) {
            throw new IllegalArgumentException("delta must be in [-1, 1] and not 0, was " + delta);
        }
    }
}
