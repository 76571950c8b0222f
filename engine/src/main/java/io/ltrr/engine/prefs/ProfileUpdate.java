package io.ltrr.engine.prefs;

import java.util.List;
import java.util.Map;

/**
 * What stating a preference did.
 *
 * @param userId     whose profile
 * @param text       what they said
 * @param statements the preferences read from it
 * @param profile    the whole profile afterwards: weight in [−1, 1] by style, strongest liking first
 */
public record ProfileUpdate(String userId, String text, List<PreferenceStatement> statements,
                            Map<String, Double> profile) {
    public ProfileUpdate {
        statements = List.copyOf(statements);
        profile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profile));
    }
}
