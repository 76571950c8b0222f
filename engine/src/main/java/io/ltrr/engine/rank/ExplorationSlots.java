package io.ltrr.engine.rank;

import io.ltrr.engine.retrieval.ExploreStrategy;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounded exploration on the shown page (ADR 0008): the items only the {@code explore} arm retrieved never
 * compete for places on their fused score; at most {@code max} of them are shown, each at a fixed slot —
 * positions {@value #SPACING}, 2·{@value #SPACING}, … (4 and 8 of a page of 10 by default) — in the ranker's
 * order, and marked ({@link RankedItem#exploration()}). Every other result keeps the ranker's order in the
 * remaining positions. A slot no exploration item fills goes to the next ranked result, so the page never has
 * more than {@code max} exploration results, and has fewer when the explore arm was not chosen or brought less;
 * when too few other results precede a slot, its exploration item follows the last of them.
 *
 * @param max at most this many exploration results on a page (0 shows none)
 */
public record ExplorationSlots(int max) {
    /** Exploration results a search shows unless asked otherwise. */
    public static final int DEFAULT_MAX = 2;
    /** Every {@value}th position is an exploration slot. */
    public static final int SPACING = 4;

    public ExplorationSlots {
        if (max < 0) {
            throw new IllegalArgumentException("maxExplore must be >= 0, was " + max);
        }
    }

    public static ExplorationSlots defaults() {
        return new ExplorationSlots(DEFAULT_MAX);
    }

    /** The slot positions (1-based) a page of {@code shown} results has: the first {@code max} multiples of 4. */
    public List<Integer> positions(int shown) {
        List<Integer> out = new ArrayList<>();
        for (int p = SPACING; p <= shown && out.size() < max; p += SPACING) {
            out.add(p);
        }
        return out;
    }

    /** Whether a result is exploration: the {@code explore} arm alone retrieved it. */
    public static boolean explorationOnly(RankedItem item) {
        return item.provenance().size() == 1 && item.provenance().containsKey(ExploreStrategy.ID);
    }

    /**
     * The shown page.
     *
     * @param ranked the whole union as the ranker ordered it, best first
     * @param shown  how many results the page shows
     */
    public List<RankedItem> place(List<RankedItem> ranked, int shown) {
        List<RankedItem> organic = new ArrayList<>();
        List<RankedItem> explore = new ArrayList<>();
        for (RankedItem r : ranked) {
            (explorationOnly(r) ? explore : organic).add(r);
        }
        List<Integer> slots = positions(shown);
        List<RankedItem> page = new ArrayList<>(shown);
        int o = 0;
        int e = 0;
        int shownExplore = Math.min(explore.size(), slots.size());
        for (int position = 1; position <= shown; position++) {
            if (slots.contains(position) && e < shownExplore) {
                page.add(marked(explore.get(e++), position, slots.size()));
            } else if (o < organic.size()) {
                page.add(at(organic.get(o++), position));
            } else if (e < shownExplore) {
                // Too few ranked results to reach the next slot: the slot's item follows the last of them.
                page.add(marked(explore.get(e++), position, slots.size()));
            } else {
                break;
            }
        }
        return page;
    }

    private static RankedItem at(RankedItem r, int position) {
        return new RankedItem(r.itemId(), position, r.score(), r.provenance(), r.explanation(), false);
    }

    private static RankedItem marked(RankedItem r, int position, int slots) {
        ScoreExplanation why = new ScoreExplanation(r.score(), String.format(Locale.ROOT,
                "exploration slot at position %d (explore arm only; at most %d per page, at positions %d, %d, …)",
                position, slots, SPACING, 2 * SPACING), List.of(r.explanation()));
        return new RankedItem(r.itemId(), position, r.score(), r.provenance(), why, true);
    }
}
