package io.ltrr.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationPoliciesTest {
    private static final List<String> RENAMED = List.of("bias", "ctx.entity", "ctx.voice");

    @Test
    void aSpecCarriesThePolicysOptions() {
        var p = SimulationPolicies.create("thompson(bucketFeatures=ctx.voice+ctx.entity; draws=3000)", 1, RENAMED);
        assertThat(p.id()).isEqualTo("thompson");
        assertThat(p.contextFeatures()).containsExactly("ctx.entity", "ctx.voice");
        assertThat(p.snapshot()).contains("\"draws\":3000");
        assertThat(SimulationPolicies.create("epsilon-greedy-global(epsilon=0.2)", 1, RENAMED).id())
                .isEqualTo("epsilon-greedy-global");
    }

    @Test
    void warnsOncePerPolicyWhoseBucketFeaturesTheScenarioLacks() {
        List<String> w = SimulationPolicies.contextWarnings(List.of("thompson", "thompson", "epsilon-greedy-global",
                "thompson(bucketFeatures=ctx.voice+ctx.entity)", "epsilon-greedy", "fixed:bm25", "linucb"), RENAMED);
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).contains("'thompson'").contains("bucket.device.voice").contains("one bucket");
        assertThat(w.get(1)).contains("'epsilon-greedy'");
    }

    @Test
    void malformedSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> SimulationPolicies.create("thompson(draws=3000", 1, RENAMED))
                .hasMessageContaining("')'");
        assertThatThrownBy(() -> SimulationPolicies.create("thompson(draws)", 1, RENAMED))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> SimulationPolicies.create("thompson(colour=red)", 1, RENAMED))
                .hasMessageContaining("colour").hasMessageContaining("bucketFeatures");
        assertThatThrownBy(() -> SimulationPolicies.create("greedy", 1, RENAMED)).hasMessageContaining("fixed:ARM");
    }
}
