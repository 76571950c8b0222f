package io.ltrr.engine.round;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.CandidateList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bandit round before it is logged: analysis, features, the policy's selection, each chosen arm's
 * candidates and the ranked list.
 */
public record Round(String query, SearchContext context, QueryAnalysis analysis, ContextVector x,
                    Selection selection, Map<String, CandidateList> lists, List<RankedItem> results,
                    String rankerId) {
    public Round {
        lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        results = List.copyOf(results);
    }

    /** The chosen arms whose candidate set held the item (they share its reward). */
    public java.util.Set<String> armsHolding(String itemId) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        lists.forEach((arm, list) -> {
            if (list.candidates().stream().anyMatch(c -> c.itemId().equals(itemId))) {
                out.add(arm);
            }
        });
        return out;
    }
}
