package io.ltrr.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankOrderTest {

    @Test
    void trecEvalSortsByScoreThenDocIdDescending() {
        List<ScoredDoc> results = List.of(
                new ScoredDoc("a", 1.0), new ScoredDoc("b", 2.0), new ScoredDoc("c", 1.0), new ScoredDoc("d", 1.0));
        assertThat(RankOrder.TREC_EVAL.rank(results)).containsExactly("b", "d", "c", "a");
        assertThat(RankOrder.AS_GIVEN.rank(results)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void tieBreakChangesTheFigures() {
        // The system put the only relevant doc "a" first, but it ties with c and d at 1.0 and loses to b:
        // trec_eval ranks [b, d, c, a], so "a" is at rank 4.
        Run run = Run.of(Map.of("q", List.of(
                new ScoredDoc("a", 1.0), new ScoredDoc("b", 2.0), new ScoredDoc("c", 1.0), new ScoredDoc("d", 1.0))));
        Map<String, Integer> judgments = Map.of("a", 1);
        assertThat(Metrics.reciprocalRankAt(run.ranking("q", RankOrder.AS_GIVEN), judgments, 10)).isEqualTo(1.0);
        assertThat(Metrics.reciprocalRankAt(run.ranking("q", RankOrder.TREC_EVAL), judgments, 10)).isEqualTo(0.25);
        // nDCG@10 = (1/log2(5)) / 1 = 0.43067655807339306
        assertThat(Metrics.ndcgAt(run.ranking("q", RankOrder.TREC_EVAL), judgments, 10))
                .isEqualTo(1 / (Math.log(5) / Math.log(2)));
    }

    @Test
    void docIdsCompareAsStringsNotNumbers() {
        // strcmp("9", "10") > 0, so descending order puts "9" before "10"
        List<ScoredDoc> results = List.of(new ScoredDoc("10", 0.5), new ScoredDoc("9", 0.5), new ScoredDoc("100", 0.5));
        assertThat(RankOrder.TREC_EVAL.rank(results)).containsExactly("9", "100", "10");
    }

    @Test
    void scoresEqualInSinglePrecisionTie() {
        // trec_eval stores scores as float: 1.0 + 1e-9 and 1.0 are the same float, so the doc id decides
        // and "y" > "x" comes first, although "x" has the higher double score.
        List<ScoredDoc> results = List.of(new ScoredDoc("x", 1.0 + 1e-9), new ScoredDoc("y", 1.0));
        assertThat(RankOrder.TREC_EVAL.rank(results)).containsExactly("y", "x");
        // A difference float can see still decides.
        List<ScoredDoc> distinct = List.of(new ScoredDoc("x", 1.0 + 1e-6), new ScoredDoc("y", 1.0));
        assertThat(RankOrder.TREC_EVAL.rank(distinct)).containsExactly("x", "y");
    }

    @Test
    void negativeAndPositiveZeroTie() {
        List<ScoredDoc> results = List.of(new ScoredDoc("a", 0.0), new ScoredDoc("b", -0.0));
        assertThat(RankOrder.TREC_EVAL.rank(results)).containsExactly("b", "a");
    }

    @Test
    void docIdsCompareByCodePointLikeStrcmpOnUtf8() {
        String emoji = "\uD83D\uDE00"; // U+1F600, above every BMP character in UTF-8 byte order
        String bmp = "\uFFFD";
        assertThat(emoji.compareTo(bmp)).isNegative(); // UTF-16 order disagrees with strcmp here
        assertThat(RankOrder.compareCodePoints(emoji, bmp)).isPositive();
        assertThat(RankOrder.compareCodePoints("ab", "abc")).isNegative();
        assertThat(RankOrder.compareCodePoints("abc", "abc")).isZero();
    }
}
