package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "epsilon-greedy": the contract per context bucket, and what it keeps apart. */
class BucketedEpsilonGreedyPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new EpsilonGreedyPolicy(seed, 0.1, ContextBucketing.byFeatures(List.of("f")));
    }

    @Test
    void greedyChoiceFollowsTheContextsOwnMeans() {
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(1, 0.0, ContextBucketing.byFeatures(List.of("f")));
        policy.update(Bandits.context(1), Set.of("a", "b"), Map.of("a", 0.9, "b", 0.1));
        policy.update(Bandits.context(0), Set.of("a", "b"), Map.of("a", 0.1, "b", 0.9));
        SelectionBudget one = new SelectionBudget(1, 10, 1);
        assertThat(policy.select(Bandits.context(1), List.of("a", "b"), one).chosen()).containsExactly("a");
        assertThat(policy.select(Bandits.context(0), List.of("a", "b"), one).chosen()).containsExactly("b");
        assertThat(policy.id()).isEqualTo("epsilon-greedy");
        assertThat(new EpsilonGreedyPolicy(1).id()).isEqualTo("epsilon-greedy-global");
    }

    /** A snapshot of the context-free "epsilon-greedy" of before cannot become per-context counts: said so. */
    @Test
    void earlierContextFreeSnapshotIsRecognised() {
        String earlier = """
                {"policy":"epsilon-greedy","seed":7,"round":2,"config":{"epsilon":0.1},"state":{"a":{"pulls":2,\
                "sum":1.0,"sumOfSquares":1.0}}}""";
        SelectionPolicy policy = PolicyRegistry.standard().create("epsilon-greedy", 7, Bandits.FEATURES,
                PolicyOptions.none());
        assertThatThrownBy(() -> policy.restore(earlier)).isInstanceOf(EarlierSnapshotException.class)
                .hasMessageContaining("epsilon-greedy-global");
        assertThatThrownBy(() -> policy.restore(earlier.replace("0.1}", "0.2}")))
                .isNotInstanceOf(EarlierSnapshotException.class).hasMessageContaining("config");
    }
}
