package io.ltrr.engine.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeRuleTest {
    @ParameterizedTest
    @CsvSource({"PROBABILITY_QUARTERS, 0, 0", "PROBABILITY_QUARTERS, 0.2499, 0", "PROBABILITY_QUARTERS, 0.25, 1",
            "PROBABILITY_QUARTERS, 0.4999, 1", "PROBABILITY_QUARTERS, 0.5, 2", "PROBABILITY_QUARTERS, 0.75, 3",
            "PROBABILITY_QUARTERS, 1, 3", "PROBABILITY_QUARTERS, NaN, 0", "PROBABILITY_QUARTERS, -1, 0",
            "RATIO_DOUBLINGS, 0, 0", "RATIO_DOUBLINGS, 0.4999, 0", "RATIO_DOUBLINGS, 0.5, 1",
            "RATIO_DOUBLINGS, 0.9999, 1", "RATIO_DOUBLINGS, 1, 2", "RATIO_DOUBLINGS, 1.9999, 2",
            "RATIO_DOUBLINGS, 2, 3", "RATIO_DOUBLINGS, 40, 3"})
    void gradesAtTheBoundaries(GradeRule rule, double estimate, int grade) {
        assertThat(rule.grade(estimate)).isEqualTo(grade);
    }
}
