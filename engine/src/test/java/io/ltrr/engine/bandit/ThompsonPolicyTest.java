package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        ThompsonPolicy policy = new ThompsonPolicy(1, ContextBucketing.byFeatures(List.of("f")));
        policy.update(Bandits.context(1), Set.of("a"), Map.of("a", 1.0));
        SelectionBudget one = new SelectionBudget(1, 10, 1);
        assertThat(policy.select(Bandits.context(1), List.of("a"), one).diagnostics().get("a").pulls()).isEqualTo(1);
        assertThat(policy.select(Bandits.context(0), List.of("a"), one).diagnostics().get("a").pulls()).isZero();
    }

    @Test
    void bucketsOnTheDeclaredFeaturesOnlyWhateverTheirNames() {
        ContextVector x = new ContextVector(List.of("bias", "device.voice", "bucket.hour", "qu.length"),
                new double[] {1, 1, 3, 4});
        assertThat(ContextBucketing.byFeatures(List.of("qu.length", "device.voice")).bucketOf(x))
                .isEqualTo("device.voice=1,qu.length=4");
        // a name starting with "bucket." no longer makes a feature a bucket feature
        assertThat(ContextBucketing.byFeatures(List.of("device.voice")).bucketOf(x)).isEqualTo("device.voice=1");
        assertThat(ContextBucketing.defaults().bucketOf(x)).isEqualTo("*");
        assertThat(ContextBucketing.defaults().missingFrom(x.names()))
                .containsExactlyElementsOf(ContextBucketing.DEFAULT_FEATURES);
        assertThat(ContextBucketing.none().bucketOf(x)).isEqualTo("*");
    }

    @Test
    void declaredFeaturesAreShownAndAMissingOneWarned() {
        ThompsonPolicy policy = new ThompsonPolicy(1, ContextBucketing.byFeatures(List.of("f", "g")));
        assertThat(policy.contextFeatures()).containsExactly("f", "g");
        assertThat(policy.contextWarning(List.of("bias", "f", "g"))).isEmpty();
        assertThat(policy.contextWarning(Bandits.FEATURES)).hasValueSatisfying(w ->
                assertThat(w).contains("lacks [g]").contains("ignore"));
    }

    @Test
    void rejectsBlankOrRepeatedBucketFeatures() {
        assertThatThrownBy(() -> ContextBucketing.byFeatures(List.of("f", " "))).hasMessageContaining("bucketFeatures");
        assertThatThrownBy(() -> ContextBucketing.byFeatures(List.of("f", "f"))).hasMessageContaining("distinct");
    }
}
