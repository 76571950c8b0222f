package io.ltrr.engine.compare.warmstart;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One demo query with the items a user typing it wants (issue 23).
 *
 * @param query  the text as typed
 * @param kind   artist_typo, style, style_decade or title
 * @param wanted the ids of the wanted items (at least one)
 */
public record DemoQuery(String query, String kind, Set<String> wanted) {
    public DemoQuery {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        wanted = Set.copyOf(wanted);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("wanted must name at least one item (query '" + query + "')");
        }
    }

    /** Whether one of the first {@code k} ids is wanted. */
    public boolean answeredIn(List<String> ranked, int k) {
        return ranked.stream().limit(k).anyMatch(wanted::contains);
    }
}
