package io.ltrr.engine.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A logged search whose context carries a given key (see {@link SearchLog#searchesWithContext}), with the positions
 * its clicks went to.
 *
 * @param searchId         "s-&lt;n&gt;"
 * @param context          the search's logged context, as {@link Impression#context()}
 * @param clickedPositions the 1-based shown positions clicked at least once
 */
public record TaggedSearch(String searchId, Map<String, String> context, Set<Integer> clickedPositions) {
    public TaggedSearch {
        SearchIds.parse(searchId);
        context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
        clickedPositions = Set.copyOf(clickedPositions);
    }
}
