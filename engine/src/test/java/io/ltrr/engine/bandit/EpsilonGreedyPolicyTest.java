package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EpsilonGreedyPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new EpsilonGreedyPolicy(seed);
    }

    @Test
    void propensityIsTheExactMixtureOfGreedyAndUniform() {
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(1, 0.2);
        ContextVector x = Bandits.context(0);
        List<String> arms = List.of("a", "b", "c", "d");
        arms.forEach(a -> policy.update(x, Set.of(a), Map.of(a, a.equals("c") ? 0.9 : a.equals("a") ? 0.7 : 0.1)));
        Selection s = policy.select(x, arms, new SelectionBudget(2, 100, 10));
        // Greedy set {c, a}: 0.8 + 0.2 * 2/4; others 0.2 * 2/4.
        assertThat(s.propensity().get("c")).isCloseTo(0.9, within(1e-12));
        assertThat(s.propensity().get("a")).isCloseTo(0.9, within(1e-12));
        assertThat(s.propensity().get("b")).isCloseTo(0.1, within(1e-12));
        assertThat(s.propensity().get("d")).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void selectsArmsWithHighestMeanWhenGreedy() {
        EpsilonGreedyPolicy policy = new EpsilonGreedyPolicy(1, 0.0);
        ContextVector x = Bandits.context(0);
        policy.update(x, Set.of("a", "b", "c"), Map.of("a", 0.2, "b", 0.9, "c", 0.5));
        assertThat(policy.select(x, List.of("a", "b", "c"), new SelectionBudget(2, 100, 10)).chosen())
                .containsExactly("b", "c");
    }

    @Test
    void rejectsEpsilonOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new EpsilonGreedyPolicy(1, 1.5)).hasMessageContaining("epsilon");
    }
}
