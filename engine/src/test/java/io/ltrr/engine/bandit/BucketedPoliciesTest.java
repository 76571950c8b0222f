package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.context.ContextFeatures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policies that keep their statistics per context bucket (those declaring bucket features): what one learns
 * in one bucket leaves another alone. Run over every standard policy that declares features, with the live
 * context's names, so that no policy can skip it.
 */
class BucketedPoliciesTest {
    private static final Map<String, Double> FOUR_ARMS = SelectionPolicyContract.FOUR_ARMS;
    private static final SelectionBudget TWO_OF_FOUR = SelectionPolicyContract.TWO_OF_FOUR;

    static SelectionPolicy create(String id, long seed) {
        return PolicyRegistry.standard().create(id, seed, ContextFeatures.NAMES, PolicyOptions.none());
    }

    static Stream<String> bucketing() {
        return PolicyRegistry.standard().ids().stream().filter(id -> !create(id, 1).contextFeatures().isEmpty());
    }

    /** The live context with every feature 0 but the given one (if any) at 1. */
    private static ContextVector context(String on) {
        double[] values = new double[ContextFeatures.NAMES.size()];
        int i = on == null ? -1 : ContextFeatures.NAMES.indexOf(on);
        if (i >= 0) {
            values[i] = 1;
        }
        return new ContextVector(ContextFeatures.NAMES, values);
    }

    @Test
    void thompsonEpsilonGreedyAndUcb1BucketTheirGlobalFormsDoNot() {
        assertThat(bucketing().toList()).containsExactlyInAnyOrder("thompson", "epsilon-greedy", "ucb1");
    }

    @ParameterizedTest
    @MethodSource("bucketing")
    void learningInOneBucketLeavesTheOtherAlone(String id) {
        SelectionPolicy policy = create(id, 61);
        List<String> declared = policy.contextFeatures();
        assertThat(ContextFeatures.NAMES).containsAll(declared);
        ContextVector zero = context(null);
        ContextVector one = context(declared.getFirst());
        for (int t = 0; t < 20; t++) {
            Bandits.play(policy, zero, FOUR_ARMS, TWO_OF_FOUR, 3);
        }
        Map<String, ArmDiagnostics> before = policy.select(zero, List.copyOf(FOUR_ARMS.keySet()), TWO_OF_FOUR)
                .diagnostics();
        for (int t = 0; t < 100; t++) {
            Bandits.play(policy, one, SelectionPolicyContract.rates("a", 0.9, "b", 0.1, "c", 0.1, "d", 0.1),
                    TWO_OF_FOUR, 5);
        }
        Map<String, ArmDiagnostics> after = policy.select(zero, List.copyOf(FOUR_ARMS.keySet()), TWO_OF_FOUR)
                .diagnostics();
        Map<String, ArmDiagnostics> inOne = policy.select(one, List.copyOf(FOUR_ARMS.keySet()), TWO_OF_FOUR)
                .diagnostics();
        for (String arm : FOUR_ARMS.keySet()) {
            assertThat(after.get(arm).mean()).as(arm).isEqualTo(before.get(arm).mean());
            assertThat(after.get(arm).pulls()).as(arm).isEqualTo(before.get(arm).pulls());
        }
        assertThat(inOne.get("a").pulls()).as("the other bucket did learn").isPositive();
    }
}
