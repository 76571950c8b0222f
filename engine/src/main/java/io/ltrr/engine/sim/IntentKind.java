package io.ltrr.engine.sim;

import java.util.Locale;

/** What a simulated user is after. */
public enum IntentKind {
    /** One specific item: a track, album or artist. */
    SPEARFISHING,
    /** A style, genre or decade phrase ("trip hop", "90s ambient"). */
    TOPICAL,
    /** One common word ("love", "night"), meant within the user's preferred styles. */
    AMBIGUOUS,
    /** A query of an IR test collection, judged by its qrels. */
    COLLECTION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
