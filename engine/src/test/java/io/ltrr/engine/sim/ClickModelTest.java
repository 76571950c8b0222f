package io.ltrr.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ClickModelTest {
    private static final List<String> SHOWN = List.of("a", "b", "c", "d", "e");
    private static final Map<String, Integer> GRADES = Map.of("a", 0, "b", 3, "c", 1, "d", 2);

    static Stream<ClickModel> models() {
        return Stream.of(new CascadeClickModel(Attractiveness.defaults()),
                new PositionBasedClickModel(Attractiveness.defaults(), PositionBias.defaults()),
                new PositionBasedClickModel(Attractiveness.defaults(), new PositionBias("geometric", 0.9)));
    }

    @Test
    void cascadeProbabilitiesAreTheTextbookProducts() {
        double[] p = new CascadeClickModel(Attractiveness.defaults()).expectedClicks(SHOWN, GRADES);
        double a = 0.02;
        double b = 0.98 * 0.9;
        double c = 0.98 * 0.1 * 0.3;
        double d = 0.98 * 0.1 * 0.7 * 0.6;
        double e = 0.98 * 0.1 * 0.7 * 0.4 * 0.02;
        assertArrayEquals(new double[] {a, b, c, d, e}, p, 1e-12);
        assertEquals(a + b + c + d + e, new CascadeClickModel(Attractiveness.defaults()).clickProbability(SHOWN, GRADES),
                1e-12, "one click at most: the positions' events are disjoint");
    }

    @Test
    void positionBasedProbabilitiesAreExaminationTimesAttraction() {
        double[] p = new PositionBasedClickModel(Attractiveness.defaults(), PositionBias.defaults())
                .expectedClicks(SHOWN, GRADES);
        assertEquals(0.9 * Math.pow(2, -0.7), p[1], 1e-12);
        assertEquals(0.6 * Math.pow(4, -0.7), p[3], 1e-12);
    }

    /** 200,000 rounds: a frequency's sd is at most 0.0011, so 0.005 is more than four sd. */
    @ParameterizedTest
    @MethodSource("models")
    void samplingFrequenciesMatchTheExactProbabilities(ClickModel model) {
        int rounds = 200_000;
        long[] clicks = new long[SHOWN.size()];
        long any = 0;
        for (int t = 0; t < rounds; t++) {
            int[] clicked = model.sample(SHOWN, GRADES, new ClickCoins(7, t));
            for (int k : clicked) {
                clicks[k]++;
            }
            any += clicked.length > 0 ? 1 : 0;
        }
        double[] exact = model.expectedClicks(SHOWN, GRADES);
        for (int k = 0; k < exact.length; k++) {
            assertEquals(exact[k], clicks[k] / (double) rounds, 0.005, model.id() + " position " + k + ", seed 7");
        }
        assertEquals(model.clickProbability(SHOWN, GRADES), any / (double) rounds, 0.005, model.id() + ", seed 7");
    }

    @Test
    void coinsBelongToTheItemNotToItsPosition() {
        ClickCoins coins = new ClickCoins(3, 41);
        assertEquals(coins.coin("b"), new ClickCoins(3, 41).coin("b"));
        var cascade = new CascadeClickModel(Attractiveness.defaults());
        // Reordering the list never changes whether a given item's coin is below its attractiveness.
        for (int t = 0; t < 1000; t++) {
            ClickCoins c = new ClickCoins(3, t);
            boolean bAttracts = c.coin("b") < 0.9;
            int[] alone = cascade.sample(List.of("b"), GRADES, c);
            assertEquals(bAttracts, alone.length == 1);
        }
    }
}
