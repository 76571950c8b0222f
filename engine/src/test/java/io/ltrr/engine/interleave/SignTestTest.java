package io.ltrr.engine.interleave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SignTestTest {
    /** Hand-computed: p = min(1, 2 · Σ_{i ≤ min} C(n, i) / 2^n). */
    @ParameterizedTest(name = "{0} wins, {1} losses: p = {2}")
    @CsvSource({
            "9, 1, 0.021484375",        // 2 (1 + 10) / 1024 = 22/1024
            "1, 9, 0.021484375",        // two-sided: symmetric
            "5, 0, 0.0625",             // 2 / 32
            "6, 1, 0.125",              // 2 (1 + 7) / 128
            "15, 5, 0.04138946533203125", // 2 (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20 = 43400/1048576
            "3, 1, 0.625",              // 2 (1 + 4) / 16
            "2, 2, 1.0",                // an even split
            "3, 2, 1.0",                // 2 (1 + 5 + 10) / 32 = 1, capped
            "0, 0, 1.0"})               // nothing to test
    void exactTwoSidedPValues(long wins, long losses, double p) {
        assertEquals(p, SignTest.twoSidedP(wins, losses), 1e-12);
    }

    @Test
    void largeCountsMatchExactArithmetic() {
        // 2^n overflows a double from n = 1024 on; the test sums C(n, i) exactly in integers.
        for (long[] c : new long[][] {{1100, 1000}, {560, 440}, {5100, 4900}, {900, 1300}}) {
            double exact = exact(c[0], c[1]);
            assertEquals(exact, SignTest.twoSidedP(c[0], c[1]), 1e-9 * exact, c[0] + " vs " + c[1]);
        }
    }

    @Test
    void refusesNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> SignTest.twoSidedP(-1, 3));
    }

    private static double exact(long wins, long losses) {
        int n = (int) (wins + losses);
        int k = (int) Math.min(wins, losses);
        BigInteger sum = BigInteger.ZERO;
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i <= k; i++) {
            sum = sum.add(c);
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1.0, p.doubleValue());
    }
}
