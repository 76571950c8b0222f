package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {
    private final PolicyRegistry registry = PolicyRegistry.standard();

    @Test
    void listsEveryPolicyAndCreatesEachById() {
        assertThat(registry.ids()).containsExactly("uniform", "epsilon-greedy", "epsilon-greedy-global", "ucb1",
                "ucb1-global", "thompson", "linucb", "linear-thompson");
        for (String id : registry.ids()) {
            SelectionPolicy p = registry.create(id, 7, Bandits.FEATURES, PolicyOptions.none());
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.select(Bandits.context(1), List.of("a", "b"), new SelectionBudget(1, 10, 1)).chosen())
                    .hasSize(1);
        }
    }

    /** Every bucketed policy declares the same default features; the -global ones and the linear ones none. */
    @Test
    void bucketedPoliciesDeclareTheirFeaturesAndTheOthersNone() {
        for (String id : registry.ids()) {
            SelectionPolicy p = registry.create(id, 7, Bandits.FEATURES, PolicyOptions.none());
            boolean bucketed = registry.entry(id).knobs().contains(PolicyRegistry.BUCKET_FEATURES);
            assertThat(p.contextFeatures()).as(id)
                    .isEqualTo(bucketed ? ContextBucketing.DEFAULT_FEATURES : List.of());
            SelectionPolicy declared = bucketed ? registry.create(id, 7, Bandits.FEATURES,
                    new PolicyOptions(Map.of(PolicyRegistry.BUCKET_FEATURES, "f"))) : p;
            assertThat(declared.contextWarning(Bandits.FEATURES)).as(id).isEmpty();
        }
    }

    @Test
    void unknownIdListsTheValidIds() {
        assertThatThrownBy(() -> registry.create("greedy", 1, Bandits.FEATURES, PolicyOptions.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'greedy'")
                .hasMessageContaining("thompson").hasMessageContaining("linucb");
    }

    @Test
    void appliesKnobsAndRejectsUnknownOnes() {
        SelectionPolicy p = registry.create("epsilon-greedy", 1, Bandits.FEATURES,
                new PolicyOptions(Map.of("epsilon", "0.25")));
        assertThat(((EpsilonGreedyPolicy) p).epsilon()).isEqualTo(0.25);
        assertThat(registry.create("thompson", 1, Bandits.FEATURES, new PolicyOptions(Map.of("bucketFeatures", "f")))
                .snapshot()).contains("\"bucketing\":[\"f\"]");
        assertThatThrownBy(() -> registry.create("thompson", 1, Bandits.FEATURES,
                new PolicyOptions(Map.of("bucketPrefix", "bucket.")))).hasMessageContaining("bucketPrefix");
        assertThatThrownBy(() -> registry.create("ucb1", 1, Bandits.FEATURES,
                new PolicyOptions(Map.of("bucketFeatures", " , ")))).hasMessageContaining("-global");
        assertThatThrownBy(() -> registry.create("thompson", 1, Bandits.FEATURES,
                new PolicyOptions(Map.of("propensity", "exact")))).hasMessageContaining("integral");
        assertThatThrownBy(() -> registry.create("linucb", 1, Bandits.FEATURES, new PolicyOptions(Map.of("apha", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apha").hasMessageContaining("alpha");
        assertThatThrownBy(() -> registry.create("linucb", 1, Bandits.FEATURES, new PolicyOptions(Map.of("alpha", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> registry.create("thompson", 1, Bandits.FEATURES, new PolicyOptions(Map.of("draws", "10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draws");
    }
}
