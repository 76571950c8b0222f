package io.ltrr.engine.round;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.context.ContextFeatures;
import io.ltrr.engine.sim.FixedArmPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibleArmsTest {
    private static final List<String> ARMS = List.of("bm25", "memory", "rewrite");

    @Test
    void theRewriteArmIsLeftOutWhenNoRewriteIsKnown() {
        assertThat(RoundEngine.eligible(ARMS, false)).containsExactly("bm25", "memory");
        assertThat(RoundEngine.eligible(ARMS, true)).isEqualTo(ARMS);
    }

    @Test
    void theMemoryArmIsLeftOutWhenTheMemoryDoesNotKnowTheQuery() {
        assertThat(RoundEngine.eligible(ARMS, true, false)).containsExactly("bm25", "rewrite");
        assertThat(RoundEngine.eligible(ARMS, false, false)).containsExactly("bm25");
        assertThat(RoundEngine.eligible(ARMS, true, true)).isEqualTo(ARMS);
        assertThat(RoundEngine.eligible(List.of("memory", "rewrite"), false, false)).as("never no arm at all")
                .containsExactly("memory", "rewrite");
    }

    @Test
    void otherArmsAndLoneRewriteArmsStay() {
        assertThat(RoundEngine.eligible(List.of("bm25", "memory"), false)).containsExactly("bm25", "memory");
        assertThat(RoundEngine.eligible(List.of("rewrite"), false)).as("never no arm at all").containsExactly("rewrite");
    }

    @Test
    void learningPoliciesSkipIneligibleArmsAFixedArmBaselineDoesNot() {
        PolicyRegistry registry = PolicyRegistry.standard();
        for (String id : registry.ids()) {
            assertThat(registry.create(id, 1L, ContextFeatures.NAMES, PolicyOptions.none()).skipsIneligibleArms())
                    .as(id).isTrue();
        }
        assertThat(new FixedArmPolicy("rewrite").skipsIneligibleArms()).isFalse();
    }
}
