package io.ltrr.engine.ope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ltrr.engine.bandit.ContextVector;
import io.ltrr.engine.store.LoggedRound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffPolicyEstimatorTest {
    private static Map<String, Double> map(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    /**
     * Two rounds, arms a and b.
     * Round 1: P_log(a)=0.5, P_log(b)=0.25; S={a}, r_a=1.
     * Round 2: P_log(a)=0.5, P_log(b)=0.5; S={a,b}, r_a=0, r_b=1.
     * Target: P_π(a)=0.5, P_π(b)=1 in every round.
     * IPS: round 1: 0.5·1/0.5 = 1; round 2: 0.5·0/0.5 + 1·1/0.5 = 2; mean 1.5.
     * SNIPS: arm a: num 1 + 0 = 1, den 2 + 2 = 4 → 0.25; arm b: num 2, den 2 → 1; total 1.25.
     * DR with r̂ ≡ 0.5: round 1: a: 0.5(0.5 + (1−0.5)/0.5) = 0.75, b: 1·0.5 = 0.5 → 1.25;
     *   round 2: a: 0.5(0.5 + (0−0.5)/0.5) = −0.25, b: 1(0.5 + 0.5/0.5) = 1.5 → 1.25; mean 1.25.
     */
    @Test
    void computesIpsSnipsAndDrByHand() {
        List<LoggedRound> log = List.of(
                Logs.round(0, map("a", 0.5, "b", 0.25), map("a", 1)),
                Logs.round(1, map("a", 0.5, "b", 0.5), map("a", 0, "b", 1)));
        OpeTarget target = new OpeTarget() {
            public String id() {
                return "half-a-all-b";
            }

            public Map<String, Double> inclusion(LoggedRound round) {
                return map("a", 0.5, "b", 1);
            }
        };
        RewardModel half = (ContextVector x, String arm) -> 0.5;
        OpeEstimate e = new OffPolicyEstimator(200, 0.95, 7).estimate(log, target, half);
        assertThat(e.ips().value()).isCloseTo(1.5, within(1e-12));
        assertThat(e.snips().value()).isCloseTo(1.25, within(1e-12));
        assertThat(e.dr().value()).isCloseTo(1.25, within(1e-12));
        assertThat(e.rounds()).isEqualTo(2);
        assertThat(e.unsupported()).isZero();
        // With two rounds the resamples take the values of {r1,r1}, {r1,r2}, {r2,r2}: IPS in [1, 2].
        assertThat(e.ips().ciLow()).isGreaterThanOrEqualTo(1.0);
        assertThat(e.ips().ciHigh()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void countsRoundsWhereTheTargetNeedsAnArmTheLogCouldNotChoose() {
        List<LoggedRound> log = List.of(Logs.round(0, map("a", 1.0, "b", 0.0), map("a", 1)));
        OpeEstimate e = new OffPolicyEstimator(10, 0.9, 1).estimate(log, new FixedArmTarget("b"), (x, a) -> 0.3);
        assertThat(e.unsupported()).isEqualTo(1);
        assertThat(e.ips().value()).isZero();
        // DR falls back on the model where there is no observation.
        assertThat(e.dr().value()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void sameSeedSameIntervalsAndFixedArmValueIsTheArmsMean() {
        List<LoggedRound> log = List.of(
                Logs.round(0, map("a", 0.5, "b", 0.5), map("a", 1)),
                Logs.round(0, map("a", 0.5, "b", 0.5), map("b", 0)),
                Logs.round(0, map("a", 0.5, "b", 0.5), map("a", 0)),
                Logs.round(0, map("a", 0.5, "b", 0.5), map("a", 1)));
        OffPolicyEstimator est = new OffPolicyEstimator(500, 0.95, 42);
        OpeEstimate first = est.estimate(log, new FixedArmTarget("a"), BucketMeanRewardModel.fit(log));
        OpeEstimate again = est.estimate(log, new FixedArmTarget("a"), BucketMeanRewardModel.fit(log));
        assertThat(again).isEqualTo(first);
        // IPS: (2 + 0 + 0 + 2)/4 = 1 (weight 2 on a's two wins); SNIPS: 4 / (3 observations · 2) = 2/3.
        assertThat(first.ips().value()).isCloseTo(1.0, within(1e-12));
        assertThat(first.snips().value()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void rejectsAnEmptyLogAndBadSettings() {
        assertThatThrownBy(() -> OffPolicyEstimator.withSeed(1).estimate(List.of(), new FixedArmTarget("a"), (x, a) -> 0))
                .hasMessageContaining("no logged rounds");
        assertThatThrownBy(() -> new OffPolicyEstimator(0, 0.95, 1)).hasMessageContaining("bootstrap");
        assertThatThrownBy(() -> new OffPolicyEstimator(10, 1, 1)).hasMessageContaining("level");
    }

    @Test
    void quantileUsesNearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(OffPolicyEstimator.quantile(v, 0.025)).isEqualTo(1);
        assertThat(OffPolicyEstimator.quantile(v, 0.5)).isEqualTo(5);
        assertThat(OffPolicyEstimator.quantile(v, 0.975)).isEqualTo(10);
    }
}
