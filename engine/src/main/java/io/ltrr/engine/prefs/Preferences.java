package io.ltrr.engine.prefs;

import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.ProfileStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Teachable preferences: a user says what they like ("I like jazz", "less ambient"), the parsed statements move
 * the weights of their persisted profile, and the next search sees it: the styles they like (weight &gt; 0, strongest
 * first) join the search context's profile, which feeds the context features ({@code profile.present},
 * {@code profile.affinity}) and through them the policy's arm choice and the ranker's arm weights; styles they
 * turned against are removed from it. Thread-safe when the store is.
 */
public final class Preferences {
    private final ProfileStore store;

    public Preferences(ProfileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Applies what the user said to their profile (each statement adds its delta; weights stay in [−1, 1]) and
     * persists it.
     *
     * @param parser knows the catalog's styles (passed per call because the catalog may be re-indexed)
     * @throws IllegalArgumentException when the text names no known style or genre
     */
    public ProfileUpdate state(String userId, String text, PreferenceParser parser) {
        List<PreferenceStatement> statements = parser.parse(text == null ? "" : text);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("no known style or genre in '" + text + "' (" + parser.knownStyles()
                    + " known, e.g. " + String.join(", ", parser.examples(5)) + ")");
        }
        Map<String, Double> current = new LinkedHashMap<>(store.weights(userId));
        Map<String, Double> changed = new LinkedHashMap<>();
        for (PreferenceStatement s : statements) {
            double w = Math.max(-1, Math.min(1, current.getOrDefault(s.style(), 0.0) + s.delta()));
            // Weights are sums of quarter steps; rounding keeps "like, then less" at exactly 0.25, not 0.2499….
            w = Math.round(w * 1e6) / 1e6;
            current.put(s.style(), w);
            changed.put(s.style(), w);
        }
        return new ProfileUpdate(userId, text, statements, store.update(userId, changed));
    }

    /** The user's weights by style, strongest liking first. */
    public Map<String, Double> weights(String userId) {
        return store.weights(userId);
    }

    /** The styles the user likes (weight &gt; 0), strongest first. */
    public List<String> liked(String userId) {
        List<String> out = new ArrayList<>();
        store.weights(userId).forEach((style, w) -> {
            if (w > 0) {
                out.add(style);
            }
        });
        return out;
    }

    /**
     * The context with the user's stated profile: the liked styles first, then the styles the context already
     * had, minus the styles the user wants less of.
     */
    public SearchContext personalize(SearchContext ctx) {
        Map<String, Double> weights = store.weights(ctx.userId());
        if (weights.isEmpty()) {
            return ctx;
        }
        Set<String> profile = new java.util.LinkedHashSet<>(liked(ctx.userId()));
        profile.addAll(ctx.profile());
        Set<String> disliked = new HashSet<>();
        weights.forEach((style, w) -> {
            if (w < 0) {
                disliked.add(style);
            }
        });
        profile.removeAll(disliked);
        return ctx.withProfile(List.copyOf(profile));
    }
}
