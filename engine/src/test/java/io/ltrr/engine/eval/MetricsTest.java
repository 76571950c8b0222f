package io.ltrr.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static final double EPS = 1e-15;

    // Graded judgments: d1 is highly relevant (2), d2 and d4 relevant (1), d3 judged non-relevant (0).
    private static final Map<String, Integer> JUDGMENTS = Map.of("d1", 2, "d2", 1, "d3", 0, "d4", 1);
    // rank 1: d2 (grade 1), rank 2: d1 (grade 2), rank 3: d5 (unjudged = 0), rank 4: d4 (grade 1)
    private static final List<String> RANKING = List.of("d2", "d1", "d5", "d4");

    @Test
    void dcgUsesLinearGainAndLog2RankPlusOneDiscount() {
        // DCG@10 = 1/log2(2) + 2/log2(3) + 0/log2(4) + 1/log2(5)
        //        = 1 + 1.2618595071429148 + 0 + 0.43067655807339306 = 2.692536065216308
        assertThat(Metrics.dcgAt(RANKING, JUDGMENTS, 10)).isCloseTo(2.692536065216308, within(EPS));
    }

    @Test
    void idealDcgSortsAllRelevantJudgmentsByGrade() {
        // grades > 0 sorted: [2, 1, 1]; the judged non-relevant d3 adds nothing
        // IDCG@10 = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.6309297535714575 + 0.5 = 3.1309297535714578
        assertThat(Metrics.idealDcgAt(JUDGMENTS, 10)).isCloseTo(3.1309297535714578, within(EPS));
        // IDCG@1 = 2/log2(2) = 2
        assertThat(Metrics.idealDcgAt(JUDGMENTS, 1)).isEqualTo(2.0);
    }

    @Test
    void ndcgIsDcgOverIdealDcg() {
        // nDCG@10 = 2.692536065216308 / 3.1309297535714578 = 0.8599797111848092
        assertThat(Metrics.ndcgAt(RANKING, JUDGMENTS, 10)).isCloseTo(0.8599797111848092, within(EPS));
        // nDCG@3: DCG = 1 + 2/log2(3) = 2.2618595071429148, IDCG@3 = 3.1309297535714578 (3 relevant docs)
        //       = 0.7224242270408039
        assertThat(Metrics.ndcgAt(RANKING, JUDGMENTS, 3)).isCloseTo(0.7224242270408039, within(EPS));
        // nDCG@1: DCG = 1 (d2), IDCG = 2 (d1) -> 0.5
        assertThat(Metrics.ndcgAt(RANKING, JUDGMENTS, 1)).isEqualTo(0.5);
    }

    @Test
    void negativeGradesGiveNoGainNorIdealGain() {
        // d1 graded -1 at rank 1 adds 0; d2 (grade 1) at rank 2 adds 1/log2(3); IDCG = 1/log2(2) = 1
        Map<String, Integer> judgments = Map.of("d1", -1, "d2", 1);
        assertThat(Metrics.ndcgAt(List.of("d1", "d2"), judgments, 10)).isCloseTo(0.6309297535714575, within(EPS));
    }

    @Test
    void perfectRankingScoresOne() {
        assertThat(Metrics.ndcgAt(List.of("d1", "d2", "d4", "d3"), JUDGMENTS, 10)).isEqualTo(1.0);
        assertThat(Metrics.ndcgAt(List.of("d1", "d4", "d2"), JUDGMENTS, 10)).isEqualTo(1.0);
    }

    @Test
    void queryWithoutRelevantDocumentsScoresZeroEverywhere() {
        Map<String, Integer> noneRelevant = Map.of("d1", 0, "d2", -1);
        List<String> ranking = List.of("d1", "d2");
        assertThat(Metrics.ndcgAt(ranking, noneRelevant, 10)).isZero();
        assertThat(Metrics.reciprocalRankAt(ranking, noneRelevant, 10)).isZero();
        assertThat(Metrics.recallAt(ranking, noneRelevant, 10)).isZero();
        assertThat(Metrics.precisionAt(ranking, noneRelevant, 10)).isZero();
    }

    @Test
    void emptyRankingScoresZero() {
        assertThat(Metrics.ndcgAt(List.of(), JUDGMENTS, 10)).isZero();
        assertThat(Metrics.reciprocalRankAt(List.of(), JUDGMENTS, 10)).isZero();
        assertThat(Metrics.recallAt(List.of(), JUDGMENTS, 10)).isZero();
    }

    @ParameterizedTest(name = "mrr@{0} = {1}")
    @CsvSource({
            // ranking [d5 (unjudged), d3 (grade 0), d4 (grade 1), d1 (grade 2)]: first relevant at rank 3
            "1, 0.0",
            "2, 0.0",
            "3, 0.3333333333333333",
            "10, 0.3333333333333333"})
    void reciprocalRankCountsOnlyTheFirstRelevantWithinTheCutoff(int k, double expected) {
        assertThat(Metrics.reciprocalRankAt(List.of("d5", "d3", "d4", "d1"), JUDGMENTS, k)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "recall@{0} = {1}, precision@{0} = {2}")
    @CsvSource({
            // 3 relevant documents (d1, d2, d4); RANKING has d2, d1 at ranks 1-2 and d4 at rank 4
            "1, 0.3333333333333333, 1.0",
            "2, 0.6666666666666666, 1.0",
            "3, 0.6666666666666666, 0.6666666666666666",
            "4, 1.0, 0.75",
            // precision divides by k even past the end of the ranking (trec_eval P.k): 3 / 5
            "5, 1.0, 0.6",
            "100, 1.0, 0.03"})
    void recallAndPrecisionAtCutoffs(int k, double recall, double precision) {
        assertThat(Metrics.recallAt(RANKING, JUDGMENTS, k)).isEqualTo(recall);
        assertThat(Metrics.precisionAt(RANKING, JUDGMENTS, k)).isEqualTo(precision);
    }

    @Test
    void cutoffBeyondTheRankingEqualsTheFullRanking() {
        assertThat(Metrics.ndcgAt(RANKING, JUDGMENTS, 1000)).isEqualTo(Metrics.ndcgAt(RANKING, JUDGMENTS, 4));
    }

    @Test
    void rejectsDuplicateDocumentsAndNonPositiveCutoffs() {
        assertThatThrownBy(() -> Metrics.ndcgAt(List.of("d1", "d2", "d1"), JUDGMENTS, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d1' more than once");
        assertThatThrownBy(() -> Metrics.recallAt(RANKING, JUDGMENTS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be >= 1");
    }

    @Test
    void log2IsExactAtPowersOfTwo() {
        assertThat(Metrics.log2(2)).isEqualTo(1.0);
        assertThat(Metrics.log2(8)).isEqualTo(3.0);
        assertThat(Metrics.log2(1024)).isEqualTo(10.0);
        assertThat(Metrics.log2(3)).isCloseTo(1.584962500721156, within(EPS));
    }
}
