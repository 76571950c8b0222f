package io.ltrr.engine.live;

import io.ltrr.engine.interleave.ImpressionOutcome;
import io.ltrr.engine.interleave.InterleavingComparison;
import io.ltrr.engine.interleave.RankerPair;
import io.ltrr.engine.interleave.ShownTeams;
import io.ltrr.engine.store.SearchLog;
import io.ltrr.engine.store.TaggedSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running interleaved comparisons, read from the log: every interleaved search (its teams are in its context,
 * {@link ShownTeams}) is one impression, credited with the clicks it has now — a click given after the search, by
 * this or another workbench on the store, counts. A search that interleaved B with A counts for A with B, sides
 * swapped.
 */
public final class InterleavingScores {
    private InterleavingScores() {
    }

    /** The comparison of one pair of rankers, A first (no impressions yet: all counts 0). */
    public static InterleavingComparison of(SearchLog log, RankerPair rankers) {
        InterleavingComparison c = InterleavingComparison.empty(rankers);
        for (TaggedSearch s : log.searchesWithContext(ShownTeams.KEY_TEAMS)) {
            Optional<ShownTeams> teams = ShownTeams.fromContext(s.context());
            if (teams.isPresent()) {
                ImpressionOutcome o = teams.get().credit(s.clickedPositions());
                if (teams.get().rankers().equals(rankers)) {
                    c = c.plus(o);
                } else if (teams.get().rankers().equals(rankers.swapped())) {
                    c = c.plus(o.swapped());
                }
            }
        }
        return c;
    }

    /** Every pair of rankers interleaved so far, each the way round it was first interleaved, in that order. */
    public static List<InterleavingComparison> all(SearchLog log) {
        Map<RankerPair, InterleavingComparison> byPair = new LinkedHashMap<>();
        for (TaggedSearch s : log.searchesWithContext(ShownTeams.KEY_TEAMS)) {
            Optional<ShownTeams> teams = ShownTeams.fromContext(s.context());
            if (teams.isEmpty()) {
                continue;
            }
            RankerPair pair = teams.get().rankers();
            ImpressionOutcome o = teams.get().credit(s.clickedPositions());
            if (!byPair.containsKey(pair) && byPair.containsKey(pair.swapped())) {
                pair = pair.swapped();
                o = o.swapped();
            }
            byPair.put(pair, byPair.getOrDefault(pair, InterleavingComparison.empty(pair)).plus(o));
        }
        return new ArrayList<>(byPair.values());
    }
}
