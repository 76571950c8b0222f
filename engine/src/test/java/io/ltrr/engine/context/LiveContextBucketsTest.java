package io.ltrr.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.bandit.ContextBucketing;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import org.junit.jupiter.api.Test;

/** The bandit's default bucket features are features of the live context, so no live policy warns by default. */
class LiveContextBucketsTest {
    @Test
    void theDefaultBucketFeaturesAreLiveContextFeatures() {
        assertThat(ContextFeatures.NAMES).containsAll(ContextBucketing.DEFAULT_FEATURES);
        PolicyRegistry registry = PolicyRegistry.standard();
        for (String id : registry.ids()) {
            assertThat(registry.create(id, 1, ContextFeatures.NAMES, PolicyOptions.none())
                    .contextWarning(ContextFeatures.NAMES)).as(id).isEmpty();
        }
    }
}
