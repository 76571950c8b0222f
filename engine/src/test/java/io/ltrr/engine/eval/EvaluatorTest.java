package io.ltrr.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {
    private static final double EPS = 1e-15;
    private static final List<String> METRICS = List.of("ndcg@10", "mrr@10", "recall@100");

    private static Qrels qrels() {
        Qrels.Builder b = Qrels.builder();
        // q1: graded, 3 relevant (d1=2, d2=1, d4=1) and one judged non-relevant
        b.add("q1", "d1", 2);
        b.add("q1", "d2", 1);
        b.add("q1", "d3", 0);
        b.add("q1", "d4", 1);
        // q2: one relevant document
        b.add("q2", "x", 1);
        // q3: judged, but nothing relevant: excluded from the means
        b.add("q3", "z", 0);
        return b.build();
    }

    @Test
    void averagesOverJudgedQueriesWithRelevantDocuments() {
        Run.Builder b = Run.builder();
        // q1 in trec_eval order: d2 (9), d1 (8), d5 (7), d4 (6)
        b.add("q1", "d4", 6);
        b.add("q1", "d2", 9);
        b.add("q1", "d5", 7);
        b.add("q1", "d1", 8);
        // q2: y then x
        b.add("q2", "y", 2);
        b.add("q2", "x", 1);
        b.add("q3", "z", 1);
        b.add("q9", "w", 1); // no judgments: ignored
        Run run = b.build();

        RunEvaluation eval = Evaluator.evaluate(run, qrels(), METRICS);

        assertThat(eval.perQuery().keySet()).containsExactly("q1", "q2");
        // q1 nDCG@10 = (1 + 2/log2(3) + 1/log2(5)) / (2 + 1/log2(3) + 1/log2(4)) = 0.8599797111848092
        assertThat(eval.value("q1", "ndcg@10")).isCloseTo(0.8599797111848092, within(EPS));
        // q2 nDCG@10 = (1/log2(3)) / 1 = 0.6309297535714575
        assertThat(eval.value("q2", "ndcg@10")).isCloseTo(0.6309297535714575, within(EPS));
        // mean = (0.8599797111848092 + 0.6309297535714575) / 2 = 0.7454547323781333
        assertThat(eval.mean("ndcg@10")).isCloseTo(0.7454547323781333, within(EPS));
        // MRR@10: q1 first relevant at rank 1, q2 at rank 2 -> (1 + 0.5) / 2
        assertThat(eval.mean("mrr@10")).isEqualTo(0.75);
        // recall@100: both queries retrieve all their relevant documents
        assertThat(eval.mean("recall@100")).isEqualTo(1.0);
        assertThat(eval.means().keySet()).containsExactly("ndcg@10", "mrr@10", "recall@100");
        assertThat(eval.queriesWithoutRelevant()).containsExactly("q3");
        assertThat(eval.queriesWithoutJudgments()).containsExactly("q9");
        assertThat(eval.queriesMissingFromRun()).isEmpty();
        assertThat(eval.order()).isEqualTo(RankOrder.TREC_EVAL);
    }

    @Test
    void queryMissingFromTheRunCountsAsZero() {
        Run.Builder b = Run.builder();
        b.add("q2", "x", 1);
        Run run = b.build();

        RunEvaluation eval = Evaluator.evaluate(run, qrels(), METRICS);

        // q1 has no results (0 everywhere), q2 is perfect (1 everywhere): mean = 0.5
        assertThat(eval.value("q1", "ndcg@10")).isZero();
        assertThat(eval.mean("ndcg@10")).isEqualTo(0.5);
        assertThat(eval.mean("mrr@10")).isEqualTo(0.5);
        assertThat(eval.mean("recall@100")).isEqualTo(0.5);
        assertThat(eval.queriesMissingFromRun()).containsExactly("q1");
    }

    @Test
    void emptyRunScoresZeroOnEveryJudgedQuery() {
        RunEvaluation eval = Evaluator.evaluate(Run.builder().build(), qrels(), METRICS);
        assertThat(eval.evaluatedQueryCount()).isEqualTo(2);
        assertThat(eval.means()).containsOnly(Map.entry("ndcg@10", 0.0), Map.entry("mrr@10", 0.0),
                Map.entry("recall@100", 0.0));
    }

    @Test
    void noEvaluableQueryGivesNaNMeans() {
        RunEvaluation eval = Evaluator.evaluate(Run.builder().build(), Qrels.empty(), METRICS);
        assertThat(eval.evaluatedQueryCount()).isZero();
        assertThat(eval.mean("ndcg@10")).isNaN();
    }

    @Test
    void rankOrderOptionDecidesTies() {
        Run.Builder b = Run.builder();
        // the relevant doc "x" is listed first but ties with "y"; trec_eval puts "y" (> "x") first
        b.add("q2", "x", 1.0);
        b.add("q2", "y", 1.0);
        Run run = b.build();
        List<Metric> mrr = List.of(Metric.parse("mrr@10"));
        assertThat(Evaluator.evaluate(run, qrels(), mrr, RankOrder.AS_GIVEN).value("q2", "mrr@10")).isEqualTo(1.0);
        assertThat(Evaluator.evaluate(run, qrels(), mrr, RankOrder.TREC_EVAL).value("q2", "mrr@10")).isEqualTo(0.5);
    }

    @Test
    void cutoffsComeFromTheMetricNames() {
        Run.Builder b = Run.builder();
        // q2's relevant doc at rank 3
        b.add("q2", "a", 3);
        b.add("q2", "b", 2);
        b.add("q2", "x", 1);
        RunEvaluation eval = Evaluator.evaluate(b.build(), qrels(), List.of("recall@2", "recall@3", "mrr@2", "mrr@3"));
        assertThat(eval.value("q2", "recall@2")).isZero();
        assertThat(eval.value("q2", "recall@3")).isEqualTo(1.0);
        assertThat(eval.value("q2", "mrr@2")).isZero();
        assertThat(eval.value("q2", "mrr@3")).isEqualTo(1.0 / 3);
    }

    @Test
    void rejectsUnknownAndRepeatedMetrics() {
        Run run = Run.builder().build();
        assertThatThrownBy(() -> Evaluator.evaluate(run, qrels(), List.of("ndcg@10", "map@10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown metric 'map'");
        assertThatThrownBy(() -> Evaluator.evaluate(run, qrels(), List.of("ndcg@10", "ndcg@10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Evaluator.evaluate(run, qrels(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no metrics");
        RunEvaluation eval = Evaluator.evaluate(run, qrels(), List.of("ndcg@10"));
        assertThatThrownBy(() -> eval.mean("ndcg@5")).hasMessageContaining("was not evaluated");
    }

    @Test
    void roundingToSixDecimalsTurnsNearScoresIntoTies() {
        Run.Builder b = Run.builder();
        // 1.0000004 and 1.0000001 both print as 1.000000 in a 6-decimal run file: a tie, "y" > "x" wins
        b.add("q2", "x", 1.0000004);
        b.add("q2", "y", 1.0000001);
        Run run = b.build();
        assertThat(run.ranking("q2", RankOrder.TREC_EVAL)).containsExactly("x", "y");
        assertThat(run.roundedTo(6).ranking("q2", RankOrder.TREC_EVAL)).containsExactly("y", "x");
        assertThat(run.roundedTo(6).results("q2")).extracting(ScoredDoc::score).containsExactly(1.0, 1.0);
    }

    @Test
    void roundingIsHalfEvenOnTheExactBinaryValue() {
        Run.Builder b = Run.builder();
        // 0.5, 1.5 and 2.5 are exact in binary, so they are true ties: printf("%.0f") gives 0, 2, 2
        b.add("q", "a", 0.5);
        b.add("q", "b", 1.5);
        b.add("q", "c", 2.5);
        // 1.23456789 -> 1.234568
        b.add("q", "d", 1.23456789);
        assertThat(b.build().roundedTo(0).results("q")).extracting(ScoredDoc::score).containsExactly(0.0, 2.0, 2.0, 1.0);
        assertThat(b.build().roundedTo(6).results("q").get(3).score()).isEqualTo(1.234568);
    }
}
