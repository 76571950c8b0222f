package io.ltrr.engine.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryType;
import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.ExplorationSlots;
import io.ltrr.engine.rank.RankedItem;
import io.ltrr.engine.rank.Ranker;
import io.ltrr.engine.rank.RankingInput;
import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TeamDraftRankerTest {
    private static final RankingInput INPUT = new RankingInput(new QueryAnalysis("q", "q", List.of("q"),
            List.of(new Interpretation(List.of(), List.of("q"), 1.0, "free")), QueryType.AMBIGUOUS, 1.0, Map.of()),
            new ContextVector(List.of("bias"), new double[] {1}), Map.of(), Map.of());

    /** A ranker that returns a fixed order; ids starting with "x" only the explore arm brought. */
    private static Ranker fixed(String id, String... items) {
        return new Ranker() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<RankedItem> rank(RankingInput input, int n) {
                List<RankedItem> out = new ArrayList<>();
                for (String item : items) {
                    String arm = item.startsWith("x") ? "explore" : "bm25";
                    double score = 10 - out.size();
                    out.add(new RankedItem(item, out.size() + 1, score, Map.of(arm, new ArmHit(1, 1.0)),
                            ScoreExplanation.leaf(score, id)));
                }
                return out.subList(0, Math.min(n, out.size()));
            }
        };
    }

    @Test
    void draftsTheOrganicItemsAndLeavesExplorationItemsToNoTeam() {
        // The organic rankings are those of the hand-worked merge (seed 7): a b e c f d, teams A B B A B A.
        TeamDraftRanker ranker = new TeamDraftRanker(fixed("rrf", "a", "x1", "b", "c", "d", "e"),
                fixed("pairwise", "b", "e", "x1", "a", "f", "d"), new SplittableRandom(7));
        List<RankedItem> page = ranker.rank(INPUT, 10);
        assertEquals(List.of("a", "b", "e", "c", "f", "d", "x1"), page.stream().map(RankedItem::itemId).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), page.stream().map(RankedItem::position).toList());
        assertEquals(Map.of("a", Team.A, "b", Team.B, "e", Team.B, "c", Team.A, "f", Team.B, "d", Team.A),
                ranker.teams());
        assertTrue(ExplorationSlots.explorationOnly(page.getLast()));
        assertEquals("team B (pairwise), its pick 2: interleaved by team draft", page.get(2).explanation().description());
        assertEquals(9.0, page.get(2).score(), "e keeps B's score for it (B ranked it second)");
        assertEquals("team-draft(rrf,pairwise)", ranker.id());
        assertEquals(new RankerPair("rrf", "pairwise"), ranker.rankers());
    }

    @Test
    void theShownPageLogsItsTeamsByPositionAndReadsThemBack() {
        TeamDraftRanker ranker = new TeamDraftRanker(fixed("rrf", "a", "b", "c", "d", "x1"),
                fixed("pairwise", "b", "e", "a", "f", "d"), new SplittableRandom(7));
        List<RankedItem> ranked = ranker.rank(INPUT, 10);
        List<RankedItem> page = new ExplorationSlots(1).place(ranked, 5); // x1 at position 4
        ShownTeams teams = ShownTeams.of(ranker.rankers(), page.stream().map(RankedItem::itemId).toList(),
                ranker.teams());
        assertEquals("ABB-A", teams.codes());
        assertEquals(Optional.empty(), teams.at(4));
        assertEquals(Optional.of(Team.B), teams.at(3));
        assertEquals(Optional.empty(), teams.at(6));
        assertEquals(ImpressionOutcome.B_WINS, teams.credit(List.of(2, 4)));
        assertEquals(Optional.of(teams), ShownTeams.fromContext(teams.toContext()));
        assertEquals(Optional.empty(), ShownTeams.fromContext(Map.of("user", "alice")));
        assertEquals(Optional.empty(), ShownTeams.fromContext(Map.of(ShownTeams.KEY_A, "rrf", ShownTeams.KEY_B,
                "pairwise", ShownTeams.KEY_TEAMS, "AXB")));
    }
}
