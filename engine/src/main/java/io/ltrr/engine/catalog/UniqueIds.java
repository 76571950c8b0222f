package io.ltrr.engine.catalog;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out ids that are unique within one derivation. A taken id gets "~2", "~3", … appended in the order of
 * asking, so the same input in the same order always gives the same ids. "~" never occurs in a slug, so a suffixed
 * id cannot clash with a plain one.
 */
final class UniqueIds {

    private final Set<String> used = new HashSet<>();

    String allocate(String wanted) {
        if (used.add(wanted)) {
            return wanted;
        }
        for (int n = 2; ; n++) {
            String candidate = wanted + "~" + n;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }
}
