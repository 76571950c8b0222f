package io.ltrr.engine.store;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything written for one search (one round of the bandit): enough to replay the policy's learning and to
 * evaluate other policies off-line from the log (the selection carries the propensity of every offered arm).
 *
 * @param searchId        "s-&lt;n&gt;" as issued by {@link FeedbackStore#newSearchId()}
 * @param timestamp       when the search ran
 * @param sessionId       the user's session (see {@link FeedbackStore#sessionFor})
 * @param userId          who searched
 * @param query           the text as typed
 * @param normalizedQuery the text after query understanding's normalization (the Q2E key)
 * @param context         the raw search context (device, hour, locale, profile, …) as strings
 * @param features        the context vector x the policy saw
 * @param selection       the policy's decision
 * @param shown           the shown list, ordered by position
 */
public record Impression(String searchId, Instant timestamp, String sessionId, String userId, String query,
                         String normalizedQuery, Map<String, String> context, ContextVector features,
                         Selection selection, List<ShownItem> shown) {
    public Impression {
        SearchIds.parse(searchId);
        Objects.requireNonNull(timestamp, "timestamp");
        Values.requireText(sessionId, "sessionId");
        Values.requireText(userId, "userId");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(normalizedQuery, "normalizedQuery");
        Objects.requireNonNull(context, "context");
        context.forEach((k, v) -> {
            Values.requireText(k, "context key");
            Objects.requireNonNull(v, "context value of " + k);
        });
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(shown, "shown");
        shown = shown.stream().sorted(Comparator.comparingInt(ShownItem::position)).toList();
        checkShown(shown, selection);
    }

    private static void checkShown(List<ShownItem> shown, Selection selection) {
        Set<Integer> positions = new HashSet<>();
        Set<String> items = new HashSet<>();
        for (ShownItem item : shown) {
            if (!positions.add(item.position())) {
                throw new IllegalArgumentException("shown position " + item.position() + " occurs twice");
            }
            if (!items.add(item.itemId())) {
                throw new IllegalArgumentException("shown item '" + item.itemId() + "' occurs twice");
            }
            // Rewards go to the arms of S that held the clicked item, so provenance outside S would be lost.
            for (String arm : item.provenance().keySet()) {
                if (!selection.isChosen(arm)) {
                    throw new IllegalArgumentException("shown item '" + item.itemId() + "' names arm '" + arm
                            + "' in its provenance, but that arm was not chosen");
                }
            }
        }
    }
}
