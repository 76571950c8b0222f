package io.ltrr.engine.interleave;

import io.ltrr.engine.rank.ExplorationSlots;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Ranks a round by team-draft interleaving two rankers ({@link TeamDraftInterleaving}) and remembers which team
 * drafted each item. Only the items ranked on their merits take part in the draft; the items the {@code explore} arm
 * alone brought (which the page shows at fixed slots, {@link ExplorationSlots}) follow, in A's order, and belong to
 * no team: neither ranker placed them, so a click on one credits neither. One instance per round; not thread-safe.
 */
public final class TeamDraftRanker implements Ranker {
    private final Ranker a;
    private final Ranker b;
    private final RandomGenerator coins;
    private Map<String, Team> teams = Map.of();

    /** @param coins the round's coins: seeded per round, so the same seed and round give the same page */
    public TeamDraftRanker(Ranker a, Ranker b, RandomGenerator coins) {
        this.a = a;
        this.b = b;
        this.coins = coins;
    }

    /** The compared rankers, A first. */
    public RankerPair rankers() {
        return new RankerPair(a.id(), b.id());
    }

    @Override
    public String id() {
        return "team-draft(" + a.id() + "," + b.id() + ")";
    }

    @Override
    public List<RankedItem> rank(RankingInput input, int n) {
        List<RankedItem> byA = a.rank(input, n);
        List<RankedItem> byB = b.rank(input, n);
        Map<String, RankedItem> itemsA = organic(byA);
        Map<String, RankedItem> itemsB = organic(byB);
        Interleaving merged = TeamDraftInterleaving.merge(List.copyOf(itemsA.keySet()),
                List.copyOf(itemsB.keySet()), n, coins);
        List<RankedItem> out = new ArrayList<>(n);
        Map<String, Team> drafted = new HashMap<>();
        int[] picks = new int[2];
        for (int i = 0; i < merged.items().size(); i++) {
            String id = merged.items().get(i);
            Team team = merged.teams().get(i);
            RankedItem from = (team == Team.A ? itemsA : itemsB).get(id);
            int pick = ++picks[team.ordinal()];
            ScoreExplanation why = new ScoreExplanation(from.score(), String.format(Locale.ROOT,
                    "team %s (%s), its pick %d: interleaved by team draft", team, rankers().of(team), pick),
                    List.of(from.explanation()));
            out.add(new RankedItem(id, i + 1, from.score(), from.provenance(), why));
            drafted.put(id, team);
        }
        for (RankedItem r : byA) {
            if (out.size() < n && ExplorationSlots.explorationOnly(r)) {
                out.add(new RankedItem(r.itemId(), out.size() + 1, r.score(), r.provenance(), r.explanation()));
            }
        }
        teams = Map.copyOf(drafted);
        return out;
    }

    /** The team of each drafted item of the latest ranking (exploration items have none). */
    public Map<String, Team> teams() {
        return teams;
    }

    private static Map<String, RankedItem> organic(List<RankedItem> ranked) {
        Map<String, RankedItem> out = new LinkedHashMap<>();
        for (RankedItem r : ranked) {
            if (!ExplorationSlots.explorationOnly(r)) {
                out.putIfAbsent(r.itemId(), r);
            }
        }
        return out;
    }
}
