package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one edit distance of the engine (query understanding's fuzzy matching and the rewrite arm's query
 * similarity), checked against the unbounded optimal-string-alignment code the rewrite package used to carry
 * ({@link #unboundedOsa}, kept here as the oracle).
 */
class BoundedEditDistanceTest {
    @Provide
    Arbitrary<String> words() {
        // A small alphabet, so that matches, swaps of neighbours and repeated letters are frequent.
        return Arbitraries.strings().withChars("abcé ").ofMaxLength(9);
    }

    @Property(tries = 20_000)
    void boundedDistanceIsTheExactDistanceCappedAtMaxPlusOne(@ForAll("words") String a, @ForAll("words") String b,
                                                             @ForAll @IntRange(min = 0, max = 10) int max) {
        assertThat(BoundedEditDistance.distance(a, b, max)).isEqualTo(Math.min(unboundedOsa(a, b), max + 1));
    }

    @Property(tries = 20_000)
    void theMissingCharactersNeverExceedTheDistance(@ForAll("anyWords") String a, @ForAll("anyWords") String b) {
        assertThat(BoundedEditDistance.missingCharacters(a, b)).isLessThanOrEqualTo(unboundedOsa(a, b));
    }

    @Provide
    Arbitrary<String> anyWords() {
        // letters 64 apart ('a' and '!', 'b' and '"') share a bit of the character mask
        return Arbitraries.strings().withChars("abcdxyz!\"#é9").ofMaxLength(9);
    }

    @Property(tries = 20_000)
    void unboundedDistanceIsTheOptimalStringAlignment(@ForAll("words") String a, @ForAll("words") String b) {
        assertThat(BoundedEditDistance.distance(a, b)).isEqualTo(unboundedOsa(a, b));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(textBlock = """
            tyalor, taylor, 1
            ca, abc, 3
            abc, ca, 3
            kitten, sitting, 3
            '', abc, 3
            '', '', 0
            abc, abc, 0
            ab, ba, 1
            """)
    void optimalStringAlignmentDistance(String a, String b, int expected) {
        assertThat(BoundedEditDistance.distance(a, b)).isEqualTo(expected);
        assertThat(BoundedEditDistance.distance(a, b, 1)).isEqualTo(Math.min(expected, 2));
    }

    /** The removed rewrite/QuerySimilarity.osa, verbatim. */
    static int unboundedOsa(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] twoBack = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                cur[j] = d;
            }
            int[] t = twoBack;
            twoBack = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
