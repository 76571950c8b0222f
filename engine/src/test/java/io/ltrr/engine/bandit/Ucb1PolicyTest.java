package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ucb1PolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new Ucb1Policy(seed);
    }

    @Override
    protected boolean confidenceWidthDependsOnAllPulls() {
        return true;
    }

    @Test
    void triesUnplayedArmsFirstInArmOrder() {
        Ucb1Policy policy = new Ucb1Policy(1);
        ContextVector x = Bandits.context(0);
        policy.update(x, Set.of("a"), Map.of("a", 1.0));
        Selection s = policy.select(x, List.of("a", "b", "c", "d"), new SelectionBudget(2, 100, 10));
        assertThat(s.chosen()).containsExactly("b", "c");
        assertThat(s.propensity()).containsEntry("b", 1.0).containsEntry("c", 1.0).containsEntry("a", 0.0);
    }

    @Test
    void boundIsMeanPlusTheUcb1Width() {
        Ucb1Policy policy = new Ucb1Policy(1);
        ContextVector x = Bandits.context(0);
        policy.update(x, Set.of("a", "b"), Map.of("a", 1.0));
        policy.update(x, Set.of("a"), Map.of());
        ArmDiagnostics a = policy.select(x, List.of("a", "b"), new SelectionBudget(1, 10, 1)).diagnostics().get("a");
        assertThat(a.mean()).isEqualTo(0.5);
        assertThat(a.score()).isCloseTo(0.5 + Math.sqrt(2 * Math.log(3) / 2), within(1e-12));
    }
}
