package io.ltrr.engine.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulated user wants, with the truth the oracle judges by.
 *
 * @param kind       the kind of intent
 * @param label      short description for outputs ("spearfishing:track:…", "topical:90s ambient", …)
 * @param text       the words the user has in mind, before any typo (a title, a style phrase, a word)
 * @param entityText the same target as "artist title" when that reading exists, else ""
 * @param grades     item id → relevance grade (3 best; unlisted items are 0)
 */
public record Intent(IntentKind kind, String label, String text, String entityText, Map<String, Integer> grades) {
    public Intent {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("intent text must not be blank");
        }
        entityText = entityText == null ? "" : entityText;
        grades = Collections.unmodifiableMap(new LinkedHashMap<>(grades));
    }
}
