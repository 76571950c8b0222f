package io.ltrr.engine.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavingComparisonTest {
    private static final RankerPair PAIR = new RankerPair("pairwise", "rrf");

    private static InterleavingComparison fold(List<ImpressionOutcome> outcomes) {
        InterleavingComparison c = InterleavingComparison.empty(PAIR);
        for (ImpressionOutcome o : outcomes) {
            c = c.plus(o);
        }
        return c;
    }

    @Test
    void countsWinsLossesTiesAndImpressions() {
        InterleavingComparison c = fold(List.of(ImpressionOutcome.A_WINS, ImpressionOutcome.A_WINS,
                ImpressionOutcome.B_WINS, ImpressionOutcome.TIE, ImpressionOutcome.A_WINS));
        assertEquals(new InterleavingComparison(PAIR, 3, 1, 1), c);
        assertEquals(5, c.impressions());
        assertEquals(0.625, c.pValue(), 1e-12); // 2 (1 + 4) / 16: ties left out
        assertTrue(c.preferred(InterleavingComparison.ALPHA).isEmpty());
    }

    @Test
    void aClearMajorityIsPreferred() {
        InterleavingComparison c = new InterleavingComparison(PAIR, 1, 9, 40);
        assertEquals(0.021484375, c.pValue(), 1e-12);
        assertEquals(Team.B, c.preferred(InterleavingComparison.ALPHA).orElseThrow());
        assertTrue(c.preferred(0.01).isEmpty());
    }

    @Test
    void parsesAPairAndRefusesOthers() {
        assertEquals(PAIR, RankerPair.parse("pairwise, rrf"));
        assertEquals("rrf", PAIR.of(Team.B));
        assertEquals(new RankerPair("rrf", "pairwise"), PAIR.swapped());
        assertThrows(IllegalArgumentException.class, () -> RankerPair.parse("rrf"));
        assertThrows(IllegalArgumentException.class, () -> RankerPair.parse("rrf,pairwise,lambdamart"));
        assertThrows(IllegalArgumentException.class, () -> RankerPair.parse("rrf,"));
        assertThrows(IllegalArgumentException.class, () -> new InterleavingComparison(PAIR, -1, 0, 0));
    }
}
