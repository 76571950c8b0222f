package io.ltrr.engine.api;

import io.ltrr.engine.bandit.SelectionBudget;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.rank.ExplorationSlots;
import java.util.Objects;
import java.util.Optional;

/**
 * One search as asked: the query, who asks and how, what the round may spend, how many results it shows, and
 * which ranker orders them.
 *
 * @param query   the query text (at most {@link QueryLimits#MAX_QUERY_CHARS} characters)
 * @param context who searched, how, when
 * @param budget  how many arms the round may choose and how many candidates they bring
 * @param shown   how many ranked results the search shows (1 … {@value #MAX_SHOWN})
 * @param ranker  the ranker of this search, or empty for the active one
 * @param maxExplore at most this many results of the {@code explore} arm alone on the shown page, at fixed
 *                slots (positions 4, 8, …; {@link ExplorationSlots}, ADR 0008); 0 shows none
 * @param interleave two rankers whose rankings the page interleaves by team draft (an online comparison), or
 *                empty for one ranker's order; when given, {@code ranker} is not used
 */
public record SearchRequest(String query, SearchContext context, SelectionBudget budget, int shown,
                            Optional<String> ranker, int maxExplore, Optional<RankerPair> interleave) {
    /** Results a search shows unless asked otherwise. */
    public static final int DEFAULT_SHOWN = 20;
    /** Most results a search can show. */
    public static final int MAX_SHOWN = 1000;

    /**
     * @throws IllegalArgumentException for a query over the length limit or a shown count out of range
     */
    public SearchRequest {
        QueryLimits.check(query);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(ranker, "ranker");
        Objects.requireNonNull(interleave, "interleave");
        checkShown(shown);
        if (maxExplore < 0 || maxExplore > MAX_SHOWN) {
            throw new IllegalArgumentException("maxExplore must be between 0 and " + MAX_SHOWN + ", was " + maxExplore);
        }
    }

    /** With the default bound on exploration results ({@value ExplorationSlots#DEFAULT_MAX}). */
    public SearchRequest(String query, SearchContext context, SelectionBudget budget, int shown,
                         Optional<String> ranker) {
        this(query, context, budget, shown, ranker, ExplorationSlots.DEFAULT_MAX, Optional.empty());
    }

    /** A search with the default budget, shown count and the active ranker. */
    public static SearchRequest of(String query, SearchContext context) {
        return new SearchRequest(query, context, SelectionBudget.defaults(), DEFAULT_SHOWN, Optional.empty(),
                ExplorationSlots.DEFAULT_MAX, Optional.empty());
    }

    /** The same search showing n results. */
    public SearchRequest withShown(int n) {
        return new SearchRequest(query, context, budget, n, ranker, maxExplore, interleave);
    }

    /** The same search with another budget. */
    public SearchRequest withBudget(SelectionBudget b) {
        return new SearchRequest(query, context, b, shown, ranker, maxExplore, interleave);
    }

    /** The same search ordered by the given ranker instead of the active one. */
    public SearchRequest withRanker(String rankerId) {
        return new SearchRequest(query, context, budget, shown, Optional.of(rankerId), maxExplore, interleave);
    }

    /** The same search with at most n exploration results on its page (0: none). */
    public SearchRequest withMaxExplore(int n) {
        return new SearchRequest(query, context, budget, shown, ranker, n, interleave);
    }

    /** The same search with its page interleaving two rankers' rankings by team draft (A, B). */
    public SearchRequest withInterleave(RankerPair rankers) {
        return new SearchRequest(query, context, budget, shown, ranker, maxExplore, Optional.of(rankers));
    }

    /** The page layout of this search's exploration results. */
    public ExplorationSlots explorationSlots() {
        return new ExplorationSlots(maxExplore);
    }

    /** The same search in another context (the facade adds the user's stated profile). */
    public SearchRequest withContext(SearchContext ctx) {
        return new SearchRequest(query, ctx, budget, shown, ranker, maxExplore, interleave);
    }

    /** @throws IllegalArgumentException for a count outside 1 … {@value #MAX_SHOWN} */
    public static int checkShown(int n) {
        if (n < 1 || n > MAX_SHOWN) {
            throw new IllegalArgumentException("shown results must be between 1 and " + MAX_SHOWN + ", was " + n);
        }
        return n;
    }
}
