package io.ltrr.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.retrieval.ScoreExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorationSlotsTest {
    /** Ranked like the fresh-folder RRF page: bm25-pop and explore hits alternating at equal scores. */
    private static List<RankedItem> alternating(int pairs) {
        List<RankedItem> out = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            double s = 1.0 / (60 + i);
            out.add(item("b" + i, out.size() + 1, s, "bm25-pop", i));
            out.add(item("e" + i, out.size() + 1, s, "explore", i));
        }
        return out;
    }

    private static RankedItem item(String id, int position, double score, String arm, int rank) {
        return new RankedItem(id, position, score, Map.of(arm, new ArmHit(rank, score)),
                ScoreExplanation.leaf(score, "test"));
    }

    @Test
    void aPageOfTenHasAtMostTwoExplorationResultsAtPositionsFourAndEight() {
        List<RankedItem> page = new ExplorationSlots(2).place(alternating(20), 10);
        assertThat(page).hasSize(10);
        assertThat(page).filteredOn(RankedItem::exploration).extracting(RankedItem::position).containsExactly(4, 8);
        assertThat(page).filteredOn(RankedItem::exploration).extracting(RankedItem::itemId).containsExactly("e1", "e2");
        assertThat(page).filteredOn(r -> !r.exploration()).extracting(RankedItem::itemId)
                .containsExactly("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8");
        assertThat(page).extracting(RankedItem::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(page.get(3).explanation().description()).contains("exploration slot at position 4");
    }

    @Test
    void theBoundIsConfigurableAndZeroShowsNoExplorationResult() {
        assertThat(new ExplorationSlots(0).place(alternating(20), 20)).noneMatch(RankedItem::exploration)
                .noneMatch(ExplorationSlots::explorationOnly);
        assertThat(new ExplorationSlots(3).place(alternating(20), 20)).filteredOn(RankedItem::exploration)
                .extracting(RankedItem::position).containsExactly(4, 8, 12);
        assertThat(new ExplorationSlots(5).positions(10)).containsExactly(4, 8);
        assertThatThrownBy(() -> new ExplorationSlots(-1)).hasMessageContaining("maxExplore");
    }

    @Test
    void anItemAnotherArmAlsoRetrievedRanksOnItsMeritsAndIsNotExploration() {
        RankedItem both = new RankedItem("x", 1, 0.5, Map.of("explore", new ArmHit(1, 1), "bm25", new ArmHit(1, 1)),
                ScoreExplanation.leaf(0.5, "t"));
        List<RankedItem> page = new ExplorationSlots(2).place(List.of(both, item("e1", 2, 0.1, "explore", 2)), 10);
        assertThat(page.getFirst().itemId()).isEqualTo("x");
        assertThat(page.getFirst().exploration()).isFalse();
        assertThat(page).filteredOn(RankedItem::exploration).extracting(RankedItem::itemId).containsExactly("e1");
    }

    @Test
    void withTooFewOtherResultsTheExplorationItemsFollowThemStillBounded() {
        List<RankedItem> ranked = List.of(item("b1", 1, 0.3, "bm25", 1), item("e1", 2, 0.2, "explore", 1),
                item("e2", 3, 0.2, "explore", 2), item("e3", 4, 0.1, "explore", 3));
        List<RankedItem> page = new ExplorationSlots(2).place(ranked, 10);
        assertThat(page).extracting(RankedItem::itemId).containsExactly("b1", "e1", "e2");
        assertThat(page).extracting(RankedItem::position).containsExactly(1, 2, 3);
    }
}
