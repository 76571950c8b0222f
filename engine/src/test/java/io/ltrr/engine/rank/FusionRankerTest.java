package io.ltrr.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.qu.Interpretation;
import io.ltrr.engine.qu.QueryAnalysis;
import io.ltrr.engine.qu.QueryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A two-arm union worked by hand. bm25 retrieved a (score 10, rank 1), b (6, 2), c (2, 3); dense retrieved
 * c (0.9, 1) and d (0.5, 2). Min-max: bm25 a 1, b 0.5, c 0; dense c 1, d 0; absent 0.
 */
class FusionRankerTest {
    private static final double EPS = 1e-12;

    private static RankingInput input() {
        Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
        union.put("a", Map.of("bm25", new ArmHit(1, 10)));
        union.put("b", Map.of("bm25", new ArmHit(2, 6)));
        Map<String, ArmHit> c = new LinkedHashMap<>();
        c.put("bm25", new ArmHit(3, 2));
        c.put("dense", new ArmHit(1, 0.9));
        union.put("c", c);
        union.put("d", Map.of("dense", new ArmHit(2, 0.5)));
        QueryAnalysis q = new QueryAnalysis("q", "q", List.of("q"),
                List.of(new Interpretation(List.of(), List.of("q"), 1.0, "free")), QueryType.AMBIGUOUS, 1.0, Map.of());
        return new RankingInput(q, new ContextVector(List.of("bias"), new double[] {1}),
                Map.of(), union);
    }

    private static Map<String, Double> scores(FusionConfig config) {
        Map<String, Double> out = new LinkedHashMap<>();
        new FusionRanker(config).rank(input(), 10).forEach(r -> out.put(r.itemId(), r.score()));
        return out;
    }

    @Test
    void minMaxArithmeticWithEqualWeightsIsTheDefault() {
        // a (1 + 0)/2 = 0.5, b 0.25, c (0 + 1)/2 = 0.5, d 0: a and c tie, a first (union order)
        List<RankedItem> ranked = new FusionRanker().rank(input(), 10);
        assertThat(ranked).extracting(RankedItem::itemId).containsExactly("a", "c", "b", "d");
        assertThat(ranked).extracting(RankedItem::score).containsExactly(0.5, 0.5, 0.25, 0.0);
        assertThat(new FusionRanker().id()).isEqualTo("fusion");
    }

    @Test
    void weightsMoveTheOrder() {
        // dense 0.75: a 0.25, b 0.125, c 0.75, d 0
        Map<String, Double> s = scores(FusionConfig.DEFAULT.withWeights(Map.of("bm25", 0.25, "dense", 0.75)));
        assertThat(s.keySet()).containsExactly("c", "a", "b", "d");
        assertThat(s.get("c")).isCloseTo(0.75, within(EPS));
        assertThat(s.get("a")).isCloseTo(0.25, within(EPS));
    }

    @Test
    void l2Geometric() {
        // bm25 ‖(10,6,2)‖ = √140; dense ‖(0.9,0.5)‖ = √1.06. c: √(2/√140 · 0.9/√1.06)
        double c = Math.sqrt(2 / Math.sqrt(140) * 0.9 / Math.sqrt(1.06));
        double a = Math.sqrt(10 / Math.sqrt(140) * ScoreCombination.FLOOR);
        Map<String, Double> s = scores(FusionConfig.scores(ScoreNormalization.L2, ScoreCombination.GEOMETRIC));
        assertThat(s.get("c")).isCloseTo(c, within(EPS));
        assertThat(s.get("a")).isCloseTo(a, within(EPS));
        assertThat(s.keySet().iterator().next()).isEqualTo("c");
    }

    @Test
    void zScoreGivesAnAbsentItemTheArmsLowestZ() {
        // bm25 mean 6, sd √(32/3): z(a) = 4/sd, z(c) = −4/sd; dense mean 0.7, sd 0.2: z(c) = 1, z(d) = −1
        double sd = Math.sqrt(32.0 / 3);
        Map<String, Double> s = scores(FusionConfig.scores(ScoreNormalization.Z_SCORE, ScoreCombination.ARITHMETIC));
        assertThat(s.get("a")).isCloseTo((4 / sd - 1) / 2, within(EPS));
        assertThat(s.get("c")).isCloseTo((-4 / sd + 1) / 2, within(EPS));
        assertThat(s.get("d")).isCloseTo((-4 / sd - 1) / 2, within(EPS));
    }

    @Test
    void rrfWithItsK() {
        // k 10: c = 1/13 + 1/11, a = 1/11, d = 1/12, b = 1/12 (b before d: union order)
        Map<String, Double> s = scores(FusionConfig.rrf(10));
        assertThat(s.keySet()).containsExactly("c", "a", "b", "d");
        assertThat(s.get("c")).isCloseTo(1.0 / 13 + 1.0 / 11, within(EPS));
        assertThat(s.get("d")).isCloseTo(1.0 / 12, within(EPS));
    }

    @Test
    void explanationGivesEachArmsNormalisedScoreAndWeight() {
        RankedItem c = new FusionRanker(FusionConfig.DEFAULT.withWeights(Map.of("bm25", 0.4, "dense", 0.6)))
                .rank(input(), 1).getFirst();
        assertThat(c.itemId()).isEqualTo("c");
        assertThat(c.explanation().value()).isCloseTo(0.6, within(EPS));
        assertThat(c.explanation().description()).contains("arithmetic").contains("min-max");
        assertThat(c.explanation().details()).hasSize(2);
        assertThat(c.explanation().details().get(0).description())
                .isEqualTo("bm25: min-max score 0.0000 (raw 2.0000, rank 3), weight 0.400");
        assertThat(c.explanation().details().get(1).description())
                .isEqualTo("dense: min-max score 1.0000 (raw 0.9000, rank 1), weight 0.600");
        RankedItem d = new FusionRanker(FusionConfig.rrf(60)).rank(input(), 4).get(3);
        assertThat(d.explanation().details()).extracting(e -> e.description())
                .containsExactly("bm25: not retrieved, weight 1.000", "dense: weight 1.000 / (k 60 + rank 2)");
    }

    @Test
    void specsRoundTripAndBadOnesAreRefused() {
        FusionConfig c = FusionConfig.parse("fusion:l2:harmonic:bm25=0.3,dense=0.7");
        assertThat(c.normalization()).isEqualTo(ScoreNormalization.L2);
        assertThat(c.combination()).isEqualTo(ScoreCombination.HARMONIC);
        assertThat(c.weight("dense")).isEqualTo(0.7);
        assertThat(c.weight("structured")).isEqualTo(1.0);
        assertThat(FusionConfig.parse(c.toSpec())).isEqualTo(c);
        assertThat(FusionConfig.parse("fusion:rrf:k=20").rrfK()).isEqualTo(20);
        assertThat(FusionConfig.parse("fusion")).isEqualTo(FusionConfig.DEFAULT);
        assertThat(new FusionRanker(FusionConfig.parse("fusion:rrf")).id()).isEqualTo("fusion:rrf:k=60");
        assertThatThrownBy(() -> FusionConfig.parse("fusion:z-score:geometric")).hasMessageContaining("arithmetic");
        assertThatThrownBy(() -> FusionConfig.parse("fusion:rrf:k=0")).hasMessageContaining("rrfK");
        assertThatThrownBy(() -> FusionConfig.parse("fusion:min-max")).hasMessageContaining("combination");
        assertThatThrownBy(() -> FusionConfig.parse("fusion:min-max:arithmetic:bm25=-1"))
                .hasMessageContaining("bm25");
    }
}
