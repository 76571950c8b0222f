package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearThompsonPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new LinearThompsonPolicy(seed, Bandits.FEATURES);
    }

    /**
     * The decision samples the full θ̃ through the Cholesky factor; its score θ̃·x must have the spread the
     * diagnostics (and the propensity sampler) assume: v·sqrt(xᵀA⁻¹x). 4,000 rounds, tolerance 5% of the sd
     * (the relative standard error of a sample sd over 4,000 draws is about 1/sqrt(8000) ≈ 1.1%).
     */
    @Test
    void sampledScoresHaveThePosteriorSpread() {
        LinearThompsonPolicy policy = new LinearThompsonPolicy(3, Bandits.FEATURES);
        ContextVector x = Bandits.context(1);
        for (int t = 0; t < 20; t++) {
            policy.update(Bandits.context(t % 2), Set.of("a"), Map.of("a", t % 3 == 0 ? 1.0 : 0.0));
        }
        SelectionBudget one = new SelectionBudget(1, 10, 1);
        int n = 4_000;
        double sum = 0;
        double sumSq = 0;
        ArmDiagnostics diag = null;
        for (int i = 0; i < n; i++) {
            diag = policy.select(x, List.of("a"), one).diagnostics().get("a");
            sum += diag.score();
            sumSq += diag.score() * diag.score();
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(mean).isCloseTo(diag.mean(), within(4 * diag.uncertainty() / Math.sqrt(n)));
        assertThat(sd).isCloseTo(diag.uncertainty(), within(0.05 * diag.uncertainty()));
    }
}
