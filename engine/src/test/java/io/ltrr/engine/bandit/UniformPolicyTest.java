package io.ltrr.engine.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniformPolicyTest extends SelectionPolicyContract {
    @Override
    protected SelectionPolicy newPolicy(long seed) {
        return new UniformPolicy(seed);
    }

    /** The baseline does not learn: it keeps choosing each of two arms half of the time (±4.5 binomial sd). */
    @Override
    @Test
    protected void convergesOnTwoArmBernoulli() {
        assertThat(betterArmShareOfLast500(newPolicy(17))).isCloseTo(0.5, within(0.1));
    }

    @Test
    void propensityIsExactlyTheSubsetSizeOverTheArmCount() {
        Selection s = newPolicy(1).select(Bandits.context(0), List.of("a", "b", "c", "d", "e"),
                new SelectionBudget(2, 100, 10));
        assertThat(s.propensity().values()).containsOnly(0.4);
    }
}
