package io.ltrr.app.cli;

import io.ltrr.engine.interleave.InterleavingComparison;
import java.util.Locale;

/**
 * The JSON form of a running interleaved comparison ({@code ltrr interleave status}, and {@code interleaving} in
 * {@code ltrr search --interleave}): who was compared, how the impressions went, and the sign test.
 *
 * @param preferred the ranker preferred at p &lt; {@value InterleavingComparison#ALPHA}, or "neither"
 */
record InterleavingJson(String rankerA, String rankerB, long impressions, long aWins, long bWins, long ties,
                        double pValue, String pValueTest, String preferred) {
    static final String TEST = "two-sided exact binomial sign test over the impressions with a winner (ties left out)";

    static InterleavingJson of(InterleavingComparison c) {
        String preferred = c.preferred(InterleavingComparison.ALPHA).map(t -> c.rankers().of(t)).orElse("neither");
        return new InterleavingJson(c.rankers().a(), c.rankers().b(), c.impressions(), c.aWins(), c.bWins(),
                c.ties(), c.pValue(), TEST, preferred);
    }

    /** One line: "rrf (A) vs pairwise (B): 12 impressions, A won 5, B won 2, 5 ties; p = 0.4531 …". */
    static String text(InterleavingComparison c) {
        String verdict = c.preferred(InterleavingComparison.ALPHA).map(t -> t + " (" + c.rankers().of(t)
                + ") preferred").orElse("neither preferred");
        return String.format(Locale.ROOT, "%s (A) vs %s (B): %d impression%s, A won %d, B won %d, %d tie%s; "
                        + "p = %.4g (sign test over the %d with a winner): %s at %.2f", c.rankers().a(),
                c.rankers().b(), c.impressions(), c.impressions() == 1 ? "" : "s", c.aWins(), c.bWins(), c.ties(),
                c.ties() == 1 ? "" : "s", c.pValue(), c.aWins() + c.bWins(), verdict, InterleavingComparison.ALPHA);
    }
}
