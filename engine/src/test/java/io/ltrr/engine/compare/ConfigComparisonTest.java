package io.ltrr.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.api.QuerySetScores;
import io.ltrr.engine.queryset.SetScoring;
import io.ltrr.engine.store.Judgment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigComparisonTest {
    private static final SetScoring SCORING = new SetScoring(List.of(new Judgment("q", "a", 3, "own"),
            new Judgment("q", "e", 2, "own"), new Judgment("r", "x", 1, "own")), q -> q);

    private static Snapshot snapshot(Map<String, List<String>> lists) {
        return new Snapshot("", Map.of(), "2026-01-01T00:00:00Z", lists.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Snapshot.QueryResults(e.getKey(), e.getValue().stream()
                        .map(id -> new Snapshot.Result(id, 1)).toList())).toList());
    }

    private static ConfigComparison compare(Map<String, List<String>> a, Map<String, List<String>> b) {
        Snapshot sa = snapshot(a);
        Snapshot sb = snapshot(b);
        List<String> queries = List.copyOf(new java.util.TreeSet<>(a.keySet()));
        QuerySetScores scoresA = SCORING.score("s", "own", queries, QuerySetBench.results(sa));
        QuerySetScores scoresB = SCORING.score("s", "own", queries, QuerySetBench.results(sb));
        return ConfigComparison.of("A", "B", SnapshotDiff.of(sa, sb), scoresA, scoresB);
    }

    @Test
    void arrowsJaccardRboAndMetricDeltasMatchTheHandComputedCase() {
        ConfigComparison c = compare(Map.of("q", List.of("a", "b", "c", "d")), Map.of("q", List.of("b", "a", "e", "c")));
        ConfigComparison.QueryComparison q = c.queries().getFirst();

        assertThat(q.diff().changes()).extracting(RankChange::itemId, RankChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", RankChange.Kind.UP),
                org.assertj.core.groups.Tuple.tuple("a", RankChange.Kind.DOWN),
                org.assertj.core.groups.Tuple.tuple("e", RankChange.Kind.NEW),
                org.assertj.core.groups.Tuple.tuple("c", RankChange.Kind.DOWN),
                org.assertj.core.groups.Tuple.tuple("d", RankChange.Kind.GONE));
        assertThat(q.diff().listA()).extracting(RankChange::itemId).containsExactly("a", "b", "c", "d");
        assertThat(q.diff().listB()).extracting(RankChange::itemId).containsExactly("b", "a", "e", "c");
        // {a,b,c} shared of {a,b,c,d,e}.
        assertThat(q.diff().jaccard()).isEqualTo(0.6);
        // X_d = 0, 2, 2, 3: (0.1/0.9)(2/2·0.9² + 2/3·0.9³ + 3/4·0.9⁴) + 3/4·0.9⁴.
        assertThat(q.diff().rbo()).isCloseTo(0.69075, within(1e-12));
        // nDCG@10: A = 3 / (3 + 2/log2 3) = 0.703918; B = (3/log2 3 + 2/2) / (3 + 2/log2 3) = 0.678762.
        assertThat(q.delta(ConfigComparison.Measure.NDCG)).isCloseTo(-0.0251559, within(1e-6));
        assertThat(q.delta(ConfigComparison.Measure.PRECISION)).isCloseTo(0.1, within(1e-12));
        assertThat(q.delta(ConfigComparison.Measure.MRR)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void queriesSortByTheBiggestChangeWhicheverItsSign() {
        ConfigComparison c = compare(
                Map.of("q", List.of("a", "b"), "r", List.of("y", "x")),
                Map.of("q", List.of("b", "a"), "r", List.of("x", "y")));

        // q's MRR falls from 1 to 1/2; r's rises from 1/2 to 1: equal sizes keep A's order.
        assertThat(c.byBiggestChange(ConfigComparison.Measure.MRR)).extracting(ConfigComparison.QueryComparison::query)
                .containsExactly("q", "r");
        assertThat(c.byBiggestChange(ConfigComparison.Measure.NDCG)).extracting(ConfigComparison.QueryComparison::query)
                .containsExactly("r", "q");
        assertThat(c.meanDelta(ConfigComparison.Measure.JACCARD)).isZero();
    }

    @Test
    void configurationsParseFromTheirTextForm() {
        assertThat(Configuration.parse("current")).isEqualTo(Configuration.CURRENT);
        assertThat(Configuration.parse("arms=bm25, dense;ranker=lambdamart"))
                .isEqualTo(Configuration.arms(List.of("bm25", "dense"), "lambdamart"));
        assertThat(Configuration.parse("ranker=rrf")).isEqualTo(Configuration.arms(List.of(), "rrf"));
        assertThat(Configuration.parse("run=3")).isEqualTo(Configuration.run(3));
        assertThat(Configuration.parse("arms=bm25;ranker=lambdamart@2"))
                .isEqualTo(Configuration.arms(List.of("bm25"), "lambdamart", 2));
        assertThatThrownBy(() -> Configuration.parse("ranker=lambdamart@x")).hasMessageContaining("version number");
        assertThat(Configuration.parse("file=a.json")).isEqualTo(Configuration.file(Path.of("a.json")));
        assertThat(Configuration.parse("arms=bm25;ranker=pairwise").toString()).isEqualTo("arms=bm25;ranker=pairwise");
        assertThatThrownBy(() -> Configuration.parse("bm25")).hasMessageContaining("arms=A,B");
        assertThatThrownBy(() -> Configuration.parse("run=x")).hasMessageContaining("run number");
    }
}
