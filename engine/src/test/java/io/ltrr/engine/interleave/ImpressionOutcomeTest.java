package io.ltrr.engine.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpressionOutcomeTest {
    /** The page of the hand-worked merge: a(A) b(B) e(B) c(A) f(B) d(A), and x in an exploration slot. */
    private static final Map<String, Team> PAGE = Map.of("a", Team.A, "b", Team.B, "e", Team.B, "c", Team.A,
            "f", Team.B, "d", Team.A);

    @Test
    void theTeamWithMoreClickedItemsWins() {
        assertEquals(ImpressionOutcome.B_WINS, ImpressionOutcome.credit(PAGE, List.of("b", "e")));
        assertEquals(ImpressionOutcome.A_WINS, ImpressionOutcome.credit(PAGE, List.of("c")));
        assertEquals(ImpressionOutcome.A_WINS, ImpressionOutcome.credit(PAGE, List.of("a", "c", "f")));
    }

    @Test
    void equalCreditAndNoClicksAreTies() {
        assertEquals(ImpressionOutcome.TIE, ImpressionOutcome.credit(PAGE, List.of("a", "b")));
        assertEquals(ImpressionOutcome.TIE, ImpressionOutcome.credit(PAGE, List.of()));
    }

    @Test
    void aRepeatedClickCountsOnce() {
        assertEquals(ImpressionOutcome.TIE, ImpressionOutcome.credit(PAGE, List.of("a", "a", "b")));
    }

    @Test
    void aClickOnAnItemOfNoTeamCreditsNobody() {
        assertEquals(ImpressionOutcome.TIE, ImpressionOutcome.credit(PAGE, List.of("x")));
        assertEquals(ImpressionOutcome.B_WINS, ImpressionOutcome.credit(PAGE, List.of("x", "f")));
    }

    @Test
    void swappingSidesSwapsTheWinner() {
        assertEquals(ImpressionOutcome.B_WINS, ImpressionOutcome.A_WINS.swapped());
        assertEquals(ImpressionOutcome.A_WINS, ImpressionOutcome.B_WINS.swapped());
        assertEquals(ImpressionOutcome.TIE, ImpressionOutcome.TIE.swapped());
    }
}
