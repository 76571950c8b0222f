package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThompsonPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new ThompsonPolicy(seed);
    }

    @Test
    void fractionalRewardsArePseudoCounts() {
        ThompsonPolicy policy = new ThompsonPolicy(1);
        ContextVector x = Bandits.context(0);
        policy.update(x, Set.of("a"), Map.of("a", 2.0 / 3));
        ArmDiagnostics a = policy.select(x, List.of("a"), new SelectionBudget(1, 10, 1)).diagnostics().get("a");
        // Beta(1 + 2/3, 1 + 1/3): mean 5/9.
        assertThat(a.mean()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(a.pulls()).isEqualTo(1);
    }

    @Test
    void keepsSeparateStatisticsPerBucket() {
        ThompsonPolicy policy = new ThompsonPolicy(1, ContextBucketing.byFeatures("", List.of("f")));
        policy.update(Bandits.context(1), Set.of("a"), Map.of("a", 1.0));
        SelectionBudget one = new SelectionBudget(1, 10, 1);
        assertThat(policy.select(Bandits.context(1), List.of("a"), one).diagnostics().get("a").pulls()).isEqualTo(1);
        assertThat(policy.select(Bandits.context(0), List.of("a"), one).diagnostics().get("a").pulls()).isZero();
    }

    @Test
    void defaultBucketingUsesBucketPrefixAndListedFeatures() {
        ContextVector x = new ContextVector(List.of("bias", "device.voice", "bucket.hour", "qu.length"),
                new double[] {1, 1, 3, 4});
        assertThat(ContextBucketing.defaults().bucketOf(x)).isEqualTo("bucket.hour=3,device.voice=1");
        assertThat(ContextBucketing.defaults().bucketOf(Bandits.context(1))).isEqualTo("*");
        assertThat(ContextBucketing.none().bucketOf(x)).isEqualTo("*");
    }
}
