package io.ltrr.engine.eval;

import io.ltrr.engine.io.ReadResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the measures and the run format over generated judgments and rankings. */
class EvalPropertiesTest {

    /** One query: graded judgments of d0…dn and a ranking drawn from those plus unjudged u0…u4. */
    record Case(Map<String, Integer> judgments, List<String> ranking) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(-1, 3).list().ofMaxSize(25).flatMap(grades -> {
            Map<String, Integer> judgments = new LinkedHashMap<>();
            for (int i = 0; i < grades.size(); i++) {
                judgments.put("d" + i, grades.get(i));
            }
            List<String> pool = new ArrayList<>(judgments.keySet());
            for (int i = 0; i < 5; i++) {
                pool.add("u" + i);
            }
            return Arbitraries.shuffle(pool).flatMap(shuffled -> Arbitraries.integers().between(0, shuffled.size())
                    .map(n -> new Case(judgments, List.copyOf(shuffled.subList(0, n)))));
        });
    }

    @Property
    void ndcgLiesInTheUnitInterval(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 40) int k) {
        double ndcg = Metrics.ndcgAt(c.ranking(), c.judgments(), k);
        assertThat(ndcg).isBetween(0.0, 1.0 + 1e-12);
        assertThat(Metrics.reciprocalRankAt(c.ranking(), c.judgments(), k)).isBetween(0.0, 1.0);
        assertThat(Metrics.precisionAt(c.ranking(), c.judgments(), k)).isBetween(0.0, 1.0);
    }

    @Property
    void idealRankingScoresOneWhenAnythingIsRelevant(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 40) int k) {
        List<String> ideal = c.judgments().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
        boolean anyRelevant = c.judgments().values().stream().anyMatch(g -> g > 0);
        assertThat(Metrics.ndcgAt(ideal, c.judgments(), k)).isEqualTo(anyRelevant ? 1.0 : 0.0);
        assertThat(Metrics.reciprocalRankAt(ideal, c.judgments(), k)).isEqualTo(anyRelevant ? 1.0 : 0.0);
    }

    @Property
    void recallGrowsWithTheCutoffUpToTheShareRetrieved(@ForAll("cases") Case c) {
        double previous = 0.0;
        for (int k = 1; k <= c.ranking().size() + 2; k++) {
            double recall = Metrics.recallAt(c.ranking(), c.judgments(), k);
            assertThat(recall).isBetween(previous, 1.0);
            previous = recall;
        }
        long relevant = c.judgments().values().stream().filter(g -> g > 0).count();
        long retrieved = c.ranking().stream().filter(d -> c.judgments().getOrDefault(d, 0) > 0).count();
        assertThat(previous).isEqualTo(relevant == 0 ? 0.0 : (double) retrieved / relevant);
    }

    @Property
    void reciprocalRankIsPositiveExactlyWhenPrecisionIs(@ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 40) int k) {
        assertThat(Metrics.reciprocalRankAt(c.ranking(), c.judgments(), k) > 0)
                .isEqualTo(Metrics.precisionAt(c.ranking(), c.judgments(), k) > 0);
    }

    @Provide
    Arbitrary<Run> runs() {
        Arbitrary<Double> scores = Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, 1e-300));
        Arbitrary<String> queryIds = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6);
        return Combinators.combine(queryIds.list().uniqueElements().ofMaxSize(4), scores.list().ofMaxSize(8))
                .as((queries, docScores) -> {
                    Run.Builder b = Run.builder();
                    for (String q : queries) {
                        for (int i = 0; i < docScores.size(); i++) {
                            b.add(q, "doc-" + i, docScores.get(i));
                        }
                    }
                    return b.build();
                });
    }

    @Property
    void trecRunFilesReadBackToTheSameRun(@ForAll("runs") Run run) throws IOException {
        StringWriter out = new StringWriter();
        TrecRun.write(run, "prop", out);
        ReadResult<Run> back = TrecRun.read(new StringReader(out.toString()), "generated");
        assertThat(back.problems()).isEmpty();
        assertThat(back.value()).isEqualTo(run);
    }

    @Property
    void metricNamesRoundTrip(@ForAll MetricKind kind, @ForAll @IntRange(min = 1, max = 100_000) int k) {
        String name = kind.key() + "@" + k;
        assertThat(Metric.parse(name).name()).isEqualTo(name);
    }
}
