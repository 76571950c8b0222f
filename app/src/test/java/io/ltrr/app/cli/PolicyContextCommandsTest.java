package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23 on the command line: the bucket features shown, and a scenario lacking them warned about once. */
class PolicyContextCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void policyShowNamesTheActivePolicysBucketFeatures() throws Exception {
        String d = dir.resolve("d").toString();
        assertThat(CliRun.of("index", "--data", d, "--no-embeddings").exitCode()).isZero();
        CliRun text = CliRun.of("policy", "--data", d);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("policy: thompson")
                .contains("context_bucket_features: [bucket.device.voice, bucket.qu.entity, bucket.qu.topical]");
        CliRun json = CliRun.of("policy", "use", "linucb", "--data", d, "--json");
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.get("policy").asText()).isEqualTo("linucb");
        assertThat(doc.get("context_bucket_features")).isEmpty();
        assertThat(doc.get("policies").toString()).contains("epsilon-greedy-global").contains("ucb1-global");
    }

    @Test
    void simulateWarnsOnceWhenTheScenarioLacksTheBucketFeaturesAndNotWhenDeclared() throws Exception {
        String d = dir.resolve("d").toString();
        CliRun plain = CliRun.of("simulate", "--scenario", "synthetic-three-contexts-renamed", "--policy", "thompson",
                "--rounds", "300", "--data", d);
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out().lines().filter(l -> l.startsWith("warning: ")).toList()).singleElement()
                .satisfies(w -> assertThat(w).contains("'thompson'").contains("one bucket"));
        CliRun declared = CliRun.of("simulate", "--scenario", "synthetic-three-contexts-renamed", "--policy",
                "thompson(bucketFeatures=ctx.voice+ctx.entity+ctx.topical)", "--rounds", "300", "--data", d, "--json");
        assertThat(declared.exitCode()).as(declared.err()).isZero();
        JsonNode doc = JSON.readTree(declared.out());
        assertThat(doc.get("context_warnings")).isEmpty();
        assertThat(doc.get("policy").asText())
                .isEqualTo("thompson(bucketFeatures=ctx.voice+ctx.entity+ctx.topical)");
        CliRun warned = CliRun.of("simulate", "--scenario", "synthetic-three-contexts-renamed", "--policy",
                "epsilon-greedy", "--rounds", "300", "--data", d, "--json");
        assertThat(JSON.readTree(warned.out()).get("context_warnings")).hasSize(1);
    }
}
