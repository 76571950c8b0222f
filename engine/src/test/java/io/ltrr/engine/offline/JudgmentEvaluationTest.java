package io.ltrr.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.store.Judgment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which judgments an evaluation against imported judgments uses, and under which query ids. */
class JudgmentEvaluationTest {
    static final List<Judgment> IMPORTED = List.of(
            new Judgment("love song", "t1", 1, "a.qrels"),
            new Judgment("love song", "t2", 0, "a.qrels"),
            new Judgment("only zeros", "t3", 0, "a.qrels"),
            new Judgment("love song", "t1", 3, "b.csv"),
            new Judgment("avalon", "t5", 2, "b.csv"));

    @Test
    void aSourceGivesItsJudgmentsWithTheTrecQueryIdsAndOnlyQueriesWithARelevantItem() {
        JudgmentEvaluation.Judged a = JudgmentEvaluation.judged(IMPORTED, "a.qrels");
        assertThat(a.queries()).isEqualTo(Map.of("love%20song", "love song"));
        assertThat(a.qrels().judgments("love%20song")).isEqualTo(Map.of("t1", 1, "t2", 0));
        // a query without a relevant item is judged (it stays in the qrels) but not evaluated
        assertThat(a.qrels().contains("only%20zeros")).isTrue();
    }

    @Test
    void allSourcesTogetherKeepThePairsHighestGrade() {
        JudgmentEvaluation.Judged all = JudgmentEvaluation.judged(IMPORTED, "all");
        assertThat(all.queries()).containsOnlyKeys("love%20song", "avalon");
        assertThat(all.qrels().judgments("love%20song")).isEqualTo(Map.of("t1", 3, "t2", 0));
        assertThat(all.qrels().judgments("avalon")).isEqualTo(Map.of("t5", 2));
    }

    @Test
    void unknownSourcesNothingImportedAndNoRelevantItemAreClearErrors() {
        assertThatThrownBy(() -> JudgmentEvaluation.judged(IMPORTED, "c.qrels"))
                .hasMessageContaining("no judgments of source 'c.qrels'").hasMessageContaining("[a.qrels, b.csv]");
        assertThatThrownBy(() -> JudgmentEvaluation.judged(List.of(), "all"))
                .hasMessageContaining("ltrr import judgments");
        assertThatThrownBy(() -> JudgmentEvaluation.judged(List.of(new Judgment("q", "t", 0, "z")), "z"))
                .hasMessageContaining("no query with a relevant item");
        assertThatThrownBy(() -> JudgmentEvaluation.judged(IMPORTED, " ")).hasMessageContaining("name the judgments");
    }
}
