package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arm A is best when f = 1 (30% of rounds), arm B when f = 0. Overall B looks better (0.65 vs 0.45), so a
 * context-free policy serves the minority context badly; a contextual one learns both.
 */
class ContextualLearningTest {
    private static final SelectionBudget ONE = new SelectionBudget(1, 100, 10);

    static Stream<Arguments> contextualPolicies() {
        return Stream.of(
                Arguments.of("linucb", (LongFunction<SelectionPolicy>) s -> new LinUcbPolicy(s, Bandits.FEATURES)),
                Arguments.of("linear-thompson",
                        (LongFunction<SelectionPolicy>) s -> new LinearThompsonPolicy(s, Bandits.FEATURES)),
                Arguments.of("thompson bucketed on f", (LongFunction<SelectionPolicy>) s ->
                        new ThompsonPolicy(s, ContextBucketing.byFeatures(List.of("f")))),
                Arguments.of("epsilon-greedy bucketed on f", (LongFunction<SelectionPolicy>) s ->
                        new EpsilonGreedyPolicy(s, EpsilonGreedyPolicy.DEFAULT_EPSILON,
                                ContextBucketing.byFeatures(List.of("f")))),
                Arguments.of("ucb1 bucketed on f", (LongFunction<SelectionPolicy>) s ->
                        new Ucb1Policy(s, ContextBucketing.byFeatures(List.of("f")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextualPolicies")
    void contextualPolicyLearnsTheBestArmPerContext(String name, LongFunction<SelectionPolicy> factory) {
        double[] correct = correctShareOfLast1000(factory.apply(61), 67);
        assertThat(correct[1]).as("%s, minority context f=1 (seed 61)", name).isGreaterThan(0.85);
        assertThat(correct[0]).as("%s, majority context f=0 (seed 61)", name).isGreaterThan(0.85);
    }

    @Test
    void contextFreeEpsilonGreedyFailsTheMinorityContext() {
        double[] correct = correctShareOfLast1000(new EpsilonGreedyPolicy(61), 67);
        assertThat(correct[1]).as("epsilon-greedy-global, minority context f=1 (seed 61)").isLessThan(0.5);
    }

    /** The same policy bucketed on a feature the context does not have learns nothing per context, and says so. */
    @Test
    void bucketingOnAMissingFeatureLearnsNoContextAndWarns() {
        SelectionPolicy policy = new ThompsonPolicy(61, ContextBucketing.byFeatures(List.of("g")));
        assertThat(correctShareOfLast1000(policy, 67)[1]).as("thompson bucketed on g, minority f=1").isLessThan(0.5);
        assertThat(policy.contextWarning(Bandits.FEATURES)).hasValueSatisfying(w -> assertThat(w)
                .contains("'thompson'").contains("[g]").contains("one bucket").contains("bucketFeatures"));
    }

    /** Share of correct choices in the last 1,000 of 3,000 rounds, per context {f=0, f=1}. */
    private static double[] correctShareOfLast1000(SelectionPolicy policy, long envSeed) {
        SplittableRandom contexts = new SplittableRandom(envSeed);
        int[] right = new int[2];
        int[] seen = new int[2];
        for (int t = 0; t < 3_000; t++) {
            int f = contexts.nextDouble() < 0.3 ? 1 : 0;
            Map<String, Double> rates = f == 1 ? Map.of("A", 0.8, "B", 0.3) : Map.of("A", 0.3, "B", 0.8);
            ContextVector x = Bandits.context(f);
            Selection s = policy.select(x, List.of("A", "B"), ONE);
            String arm = s.chosen().getFirst();
            policy.update(x, Set.of(arm), Map.of(arm, Bandits.bernoulli(envSeed, t, arm, rates.get(arm))));
            if (t >= 2_000) {
                seen[f]++;
                right[f] += arm.equals(f == 1 ? "A" : "B") ? 1 : 0;
            }
        }
        return new double[] {(double) right[0] / seen[0], (double) right[1] / seen[1]};
    }
}
