package io.ltrr.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.rank.ArmHit;
import io.ltrr.engine.rank.FusionConfig;
import io.ltrr.engine.rank.FusionRanker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionSweepTest {
    @Test
    void weightGridWalksTheSimplex() {
        List<double[]> two = FusionSweep.weightGrid(2, 0.1);
        assertThat(two).hasSize(11);
        assertThat(two.getFirst()).containsExactly(0.0, 1.0);
        assertThat(two.getLast()).containsExactly(1.0, 0.0);
        // C(10 + 2, 2) = 66 points for three arms at step 0.1, each summing to 1
        List<double[]> three = FusionSweep.weightGrid(3, 0.1);
        assertThat(three).hasSize(66);
        assertThat(three).allSatisfy(w -> assertThat(w[0] + w[1] + w[2]).isCloseTo(1.0, within(1e-12)));
    }

    @Test
    void techniquesAreEveryAllowedNormalisationAndCombinationAndRrfKs() {
        // 3 × 3 minus z-score with geometric and harmonic, plus 5 RRF constants
        assertThat(FusionSweep.techniques()).hasSize(7 + FusionSweep.RRF_KS.size());
    }

    @Test
    void ndcgAt10MatchesAHandComputedFigure() {
        Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
        union.put("x", Map.of("bm25", new ArmHit(1, 3)));
        union.put("y", Map.of("bm25", new ArmHit(2, 2)));
        union.put("z", Map.of("bm25", new ArmHit(3, 1)));
        FusionRanker.Prepared p = FusionRanker.prepare(union);
        // relevant y (grade 1) at rank 2 and w (grade 2) never retrieved: DCG 1/log2(3); IDCG 2 + 1/log2(3)
        double dcg = 1 / (Math.log(3) / Math.log(2));
        double ndcg = FusionSweep.ndcgAt10(p, new double[] {3, 2, 1}, Map.of("y", 1, "w", 2));
        assertThat(ndcg).isCloseTo(dcg / (2 + dcg), within(1e-12));
    }

    /**
     * Arm "good" ranks the relevant item first, arm "bad" last: the sweep must put (nearly) all weight on "good"
     * and reach nDCG 1, which equal weights do not.
     */
    @Test
    void sweepFindsTheWeightsThatRankTheRelevantItemFirst() {
        List<FusionSweep.TrainingQuery> queries = new java.util.ArrayList<>();
        for (int q = 0; q < 3; q++) {
            Map<String, Map<String, ArmHit>> union = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                Map<String, ArmHit> hits = new LinkedHashMap<>();
                hits.put("bad", new ArmHit(i + 1, 10 - i));
                hits.put("good", new ArmHit(5 - i, 1 + i * (q + 1)));
                union.put("q" + q + "d" + i, hits);
            }
            queries.add(new FusionSweep.TrainingQuery(FusionRanker.prepare(union), Map.of("q" + q + "d4", 1)));
        }
        double equal = FusionSweep.meanNdcg(FusionConfig.DEFAULT, queries);
        FusionSweep.Result r = FusionSweep.sweep(List.of("bad", "good"), queries);
        assertThat(r.trainNdcg()).isCloseTo(1.0, within(1e-12)).isGreaterThan(equal);
        assertThat(r.best().weight("good")).isGreaterThan(r.best().weight("bad"));
        assertThat(r.configurations()).isEqualTo(FusionSweep.techniques().size() * 11);
        // deterministic: the same queries, the same choice
        assertThat(FusionSweep.sweep(List.of("bad", "good"), queries).best()).isEqualTo(r.best());
    }
}
