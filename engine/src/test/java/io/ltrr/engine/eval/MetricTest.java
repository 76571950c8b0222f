package io.ltrr.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricTest {

    @Test
    void parsesNameAndCutoff() {
        assertThat(Metric.parse("ndcg@10")).isEqualTo(new Metric(MetricKind.NDCG, 10));
        assertThat(Metric.parse("mrr@10")).isEqualTo(new Metric(MetricKind.MRR, 10));
        assertThat(Metric.parse("recall@100")).isEqualTo(new Metric(MetricKind.RECALL, 100));
        assertThat(Metric.parse("precision@5").name()).isEqualTo("precision@5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "map@10      | unknown metric 'map' (known: ndcg, mrr, recall, precision)",
            "NDCG@10     | unknown metric 'NDCG'",
            "ndcg        | has no cutoff; write it as <name>@<k>",
            "ndcg@0      | cutoff '0' is not a positive integer",
            "ndcg@-5     | cutoff '-5' is not a positive integer",
            "ndcg@x      | cutoff 'x' is not a positive integer",
            "ndcg@010    | cutoff '010' is not a positive integer",
            "ndcg@       | cutoff '' is not a positive integer"})
    void rejectsBadNamesSayingWhy(String name, String message) {
        assertThatThrownBy(() -> Metric.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void parseAllKeepsOrder() {
        assertThat(Metric.parseAll(List.of("recall@100", "ndcg@10")))
                .extracting(Metric::name).containsExactly("recall@100", "ndcg@10");
    }
}
