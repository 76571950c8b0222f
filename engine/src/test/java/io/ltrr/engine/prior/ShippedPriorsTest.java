package io.ltrr.engine.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.SharedData;
import io.ltrr.engine.api.PolicyStart;
import io.ltrr.engine.bandit.PolicyOptions;
import io.ltrr.engine.bandit.PolicyRegistry;
import io.ltrr.engine.bandit.SelectionPolicy;
import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.context.ContextFeatures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The priors shipped in resources/engine/priors fit what they are shipped for: every learning policy as the live
 * bandit creates it, on the sample catalog. A change of a policy's configuration fails here first: learn them again
 * with the command each file records ({@code learned_with}).
 */
class ShippedPriorsTest {
    @TempDir
    Path dir;

    static SelectionPolicy fresh(String id) {
        return PolicyRegistry.standard().create(id, 42L, ContextFeatures.NAMES, PolicyOptions.none());
    }

    @Test
    void everyLearningPolicyHasAShippedPriorOfTheSampleCatalogThatRestores() throws java.io.IOException {
        String sample = CatalogDigest.of(Catalogs.load(SharedData.sampleCatalogFile(), CatalogFormat.SAMPLE, null)
                .items());
        for (String id : PolicyRegistry.standard().ids()) {
            if (id.equals("uniform")) {
                continue; // learns nothing
            }
            WarmStart warm = new WarmStart(dir.resolve("priors"), () -> sample);
            SelectionPolicy p = fresh(id);
            String before = p.snapshot();
            PolicyStart start = warm.start(p);
            assertThat(start.kind()).as("%s: %s", id, start.note()).isEqualTo(PolicyStart.PRIOR);
            assertThat(start.source()).isEqualTo("shipped ltrr/priors/" + id + ".json");
            assertThat(p.snapshot()).as("%s's state is the prior's, not the uniform one", id).isNotEqualTo(before);
            assertThat(p.round()).isZero();
            PolicyPrior prior = PolicyPrior.parse(WarmStart.shipped(id).orElseThrow(), id);
            assertThat(prior.learnedWith()).startsWith("ltrr prior learn --policy " + id);
            assertThat(PolicyPrior.parse(prior.toJson(), "again")).isEqualTo(prior);
        }
    }

    @Test
    void aBrokenPriorFileIsRefusedNamingTheFieldAndTheFile() {
        assertThatThrownBy(() -> PolicyPrior.parse("{\"format\": 1, \"snapshot\": {}, \"policy\": \"thompson\"}",
                "p.json")).hasMessageStartingWith("p.json: ").hasMessageContaining("scenario");
        assertThatThrownBy(() -> PolicyPrior.parse("[1]", "p.json")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> PolicyPrior.parse("{\"format\": 2}", "p.json")).hasMessageContaining("format must be 1");
    }
}
