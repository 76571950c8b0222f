package io.ltrr.engine.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ltrr.engine.store.Judgment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickJudgmentsTest {
    /**
     * The three sessions of {@link CoecEstimatorTest} three times over, and one of another query clicked at the top,
     * shown too rarely to be judged but part of the prior: position CTRs 7/10, 3/9, 0, so COEC A = 6 / 4.1 (grade 2),
     * B = 3 / 3.1, just under 1 (grade 1), C = 0 (grade 0).
     */
    @Test
    void gradesEveryPairShownOftenEnoughByTheModelsRule() {
        Sessions s = new Sessions();
        for (int i = 0; i < 3; i++) {
            s.add("q", "A,B,C", 1).add("q", "B,A,C", 1, 2).add("q", "C,A,B");
        }
        s.add("rare", "Z", 1);
        ClickJudgments derived = ClickJudgments.derive(s.list(), new CoecEstimator(),
                ClickModelOptions.defaults().withMinImpressions(9), "clicks-coec");

        assertThat(derived.judgments()).extracting(Judgment::query, Judgment::itemId, Judgment::grade,
                Judgment::source).containsExactly(tuple("q", "A", 2, "clicks-coec"), tuple("q", "B", 1, "clicks-coec"),
                tuple("q", "C", 0, "clicks-coec"));
        assertThat(derived.gradeCounts()).containsExactly(1, 1, 1, 0);
        assertThat(derived.rule()).isEqualTo(GradeRule.RATIO_DOUBLINGS);
        assertThat(derived.fit().pairsSeen()).isEqualTo(4);
        assertThat(derived.skipped()).isZero();
    }

    @Test
    void aPairTheStoreCannotHoldIsSkippedAndCounted() {
        String longQuery = "q".repeat(Judgment.MAX_QUERY_CHARS + 1);
        List<ClickSession> sessions = new Sessions().add(longQuery, "A", 1).add("q", "A", 1).list();
        ClickJudgments derived = ClickJudgments.derive(sessions, new PbmEstimator(),
                ClickModelOptions.defaults().withMinImpressions(1), "clicks-pbm");

        assertThat(derived.judgments()).extracting(Judgment::query).containsExactly("q");
        assertThat(derived.skipped()).isEqualTo(1);
    }

    @Test
    void theSourceNameIsCheckedAndDefaultsToTheModel() {
        assertThat(ClickJudgments.defaultSource("dbn")).isEqualTo("clicks-dbn");
        assertThatThrownBy(() -> ClickJudgments.derive(List.of(), new DbnEstimator(), ClickModelOptions.defaults(),
                " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownModelsAndBadOptionsAreRefusedWithTheirName() {
        assertThat(RelevanceEstimators.of(" PBM ").id()).isEqualTo("pbm");
        assertThatThrownBy(() -> RelevanceEstimators.of("ubm")).hasMessageContaining("[coec, pbm, dbn]");
        assertThatThrownBy(() -> ClickModelOptions.defaults().withMinImpressions(0))
                .hasMessageContaining("min_impressions");
        assertThatThrownBy(() -> new ClickModelOptions(1, 10, 0)).hasMessageContaining("tolerance");
    }
}
