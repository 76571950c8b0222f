package io.ltrr.engine.api;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.bandit.Selection;
import io.ltrr.engine.catalog.Item;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.interleave.ShownTeams;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.retrieval.CandidateList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One search = one bandit round: what was asked, what the policy chose and why, what each chosen arm
 * brought, and the ranked list shown.
 *
 * @param searchId  id of the logged impression; feedback refers to it
 * @param query     the query text
 * @param context   who searched, how, when
 * @param analysis  query understanding
 * @param x         the context features the policy saw
 * @param selection the policy's choice with propensities and per-arm diagnostics
 * @param lists     each chosen arm's candidates (k_a of them at most)
 * @param results   the ranked, shown list with provenance and explanations
 * @param items     every item of {@code results}, by id
 * @param rankerId  the ranker that ordered the union
 * @param micros    time of the whole round in microseconds
 * @param warnings  what the caller should be told about how the search ran, one sentence each (e.g. the
 *                  asked ranker has no trained model, so RRF ordered the results); empty when all went as asked
 * @param interleaving the team of each shown position when the page interleaved two rankers, else empty
 */
public record SearchResult(String searchId, String query, SearchContext context, QueryAnalysis analysis,
                           ContextVector x, Selection selection, Map<String, CandidateList> lists,
                           List<RankedItem> results, Map<String, Item> items, String rankerId, long micros,
                           List<String> warnings, Optional<ShownTeams> interleaving) {
    public SearchResult {
        lists = Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        results = List.copyOf(results);
        items = Map.copyOf(items);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(interleaving, "interleaving");
    }

    /** A search of one ranker's order (not interleaved). */
    public SearchResult(String searchId, String query, SearchContext context, QueryAnalysis analysis,
                        ContextVector x, Selection selection, Map<String, CandidateList> lists,
                        List<RankedItem> results, Map<String, Item> items, String rankerId, long micros,
                        List<String> warnings) {
        this(searchId, query, context, analysis, x, selection, lists, results, items, rankerId, micros, warnings,
                Optional.empty());
    }

    /** A search that went as asked (no warnings). */
    public SearchResult(String searchId, String query, SearchContext context, QueryAnalysis analysis,
                        ContextVector x, Selection selection, Map<String, CandidateList> lists,
                        List<RankedItem> results, Map<String, Item> items, String rankerId, long micros) {
        this(searchId, query, context, analysis, x, selection, lists, results, items, rankerId, micros, List.of());
    }

    /** The results shown in exploration slots (ADR 0008), by position. */
    public List<RankedItem> explorationResults() {
        return results.stream().filter(RankedItem::exploration).toList();
    }

    /** Size of the union handed to the ranker. */
    public int unionSize() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        lists.values().forEach(l -> l.candidates().forEach(c -> ids.add(c.itemId())));
        return ids.size();
    }
}
