package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "ucb1": the contract per context bucket; N and n_a are the bucket's own. */
class BucketedUcb1PolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new Ucb1Policy(seed, ContextBucketing.byFeatures(List.of("f")));
    }

    @Override
    protected boolean confidenceWidthDependsOnAllPulls() {
        return true;
    }

    @Test
    void boundUsesTheBucketsOwnPulls() {
        Ucb1Policy policy = new Ucb1Policy(1, ContextBucketing.byFeatures(List.of("f")));
        ContextVector x = Bandits.context(0);
        policy.update(x, Set.of("a", "b"), Map.of("a", 1.0));
        policy.update(x, Set.of("a"), Map.of());
        // pulls in another bucket change neither n_a nor N here
        policy.update(Bandits.context(1), Set.of("a", "b"), Map.of("a", 1.0, "b", 1.0));
        ArmDiagnostics a = policy.select(x, List.of("a", "b"), new SelectionBudget(1, 10, 1)).diagnostics().get("a");
        assertThat(a.mean()).isEqualTo(0.5);
        assertThat(a.score()).isEqualTo(0.5 + Math.sqrt(2 * Math.log(3) / 2));
    }

    @Test
    void earlierContextFreeSnapshotIsRecognised() {
        SelectionPolicy policy = PolicyRegistry.standard().create("ucb1", 7, Bandits.FEATURES, PolicyOptions.none());
        assertThatThrownBy(() -> policy.restore("""
                {"policy":"ucb1","seed":7,"round":2,"config":{},"state":{"a":{"pulls":2,"sum":1.0,\
                "sumOfSquares":1.0}}}""")).isInstanceOf(EarlierSnapshotException.class)
                .hasMessageContaining("ucb1-global");
    }
}
