package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr compare}: one yardstick for every row, said in the output, and the same output on any number of cores. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private CliRun compare(String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--scenario", "synthetic-two-contexts", "--policies",
                "thompson,ucb1", "--with-fixed-arms", "--rounds", "400", "--seeds", "3", "--data", dir.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void everyRowIsMeasuredAgainstOneOracleAndTheOutputSaysSo() {
        JsonNode json = compare("--json").json();
        // fused:rrf chooses all three arms: the one oracle for every row is the best three arms of each round
        assertThat(json.path("ranked_by").asText()).isEqualTo("regret_vs_common_oracle");
        assertThat(json.path("common_oracle_arms").asInt()).isEqualTo(3);
        assertThat(json.path("yardstick").asText()).contains("one oracle for every row", "best 3 arms");
        List<String> policies = new ArrayList<>();
        double previous = -1;
        for (JsonNode row : json.path("leaderboard")) {
            policies.add(row.path("policy").asText());
            double regret = row.path("regret_vs_common_oracle_mean").asDouble();
            assertThat(regret).as("ranked by the one yardstick").isGreaterThanOrEqualTo(previous);
            previous = regret;
            JsonNode paired = row.path("paired_difference_from_best");
            if (row.path("rank").asInt() == 1) {
                assertThat(paired.isMissingNode()).isTrue();
            } else {
                assertThat(paired.path("versus").asText()).isEqualTo(json.path("leaderboard").get(0).path("policy")
                        .asText());
                assertThat(paired.path("metric").asText()).isEqualTo("regret_vs_common_oracle");
                assertThat(paired.path("mean").asDouble()).isEqualTo(
                        regret - json.path("leaderboard").get(0).path("regret_vs_common_oracle_mean").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-6));
                assertThat(paired.path("sd").asDouble()).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(policies).containsExactlyInAnyOrder("thompson", "ucb1", "fixed:bm25", "fixed:structured",
                "fixed:dense", "fused:rrf");

        String text = compare().out();
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("ranked by regret against one oracle "
                + "for every row: the best 3 arms of each round");
        assertThat(text).contains("vs best: each row's regret vs common oracle minus");
    }

    @Test
    void theOutputIsTheSameByteForByteOnOneCoreAndOnSeveral() {
        assertThat(compare("--json", "--parallelism", "3").out()).isEqualTo(compare("--json", "--parallelism", "1")
                .out());
        assertThat(compare("--parallelism", "4").out()).isEqualTo(compare("--parallelism", "1").out());
    }

    @Test
    void aNegativeParallelismIsOneClearLine() {
        CliRun run = CliRun.of("compare", "--scenario", "synthetic-two-contexts", "--policies", "thompson",
                "--parallelism", "-1", "--data", dir.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).contains("--parallelism must be >= 0").doesNotContain("\n");
    }
}
