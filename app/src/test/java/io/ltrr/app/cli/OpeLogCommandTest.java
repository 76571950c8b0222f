package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr ope --log FILE}: an external logged-bandit file, no data folder. */
class OpeLogCommandTest {
    /** Uniform logging over four actions, each twice (see BanditLogEvaluationTest), plus one malformed row. */
    static final String UNIFORM_LOG = """
            x,action,reward,propensity
            0.1,a,1,0.25
            0.2,b,1,0.25
            0.3,c,0,0.25
            oops,d
            0.4,d,0,0.25
            0.5,a,0,0.25
            0.6,b,1,0.25
            0.7,c,1,0.25
            0.8,d,0,0.25
            """;

    @TempDir
    Path dir;

    @Test
    void evaluatesTargetsOnACsvLogListingItsMalformedRows() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, UNIFORM_LOG);

        CliRun run = CliRun.of("ope", "--log", file.toString(), "--format", "csv", "--target", "uniform",
                "--target", "action:a", "--target", "action:b", "--policy", "thompson", "--bootstrap", "50", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(file + ":5: has 2 cells, the header 4");
        JsonNode json = run.json();
        assertThat(json.get("format").asText()).isEqualTo("csv");
        assertThat(json.get("rows").asInt()).isEqualTo(8);
        assertThat(json.get("malformed_rows").asInt()).isEqualTo(1);
        assertThat(json.get("actions").asInt()).isEqualTo(4);
        Map<String, Double> ips = new HashMap<>();
        json.get("estimates").forEach(e -> ips.put(e.get("policy").asText(), e.get("ips").get("value").asDouble()));
        assertThat(ips).containsEntry("uniform", 0.5).containsEntry("action:a", 0.5).containsEntry("action:b", 1.0)
                .containsKey("thompson");
    }

    @Test
    void printsALeaderboardForADecisionServiceLog() throws IOException {
        Path file = dir.resolve("ds.json");
        Files.writeString(file, """
                {"_label_cost":-1,"_label_probability":0.5,"_labelIndex":0,"a":[1,2],"p":[0.5,0.5]}
                {"_label_cost":0,"_label_probability":0.5,"_labelIndex":1,"a":[2,1],"p":[0.5,0.5]}
                """);

        CliRun run = CliRun.of("ope", "--log", file.toString(), "--format", "vw-dsjson", "--target", "action:1",
                "--bootstrap", "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(vw-dsjson): 2 rows, 0 malformed, 2 actions").contains("action:1")
                .contains("1.0000 [");
    }

    @Test
    void aFileWithoutAValidRowIsOneLineOfError() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,item_id,position,click,propensity_score\nt,1,1,7,0.5\n");

        CliRun run = CliRun.of("ope", "--log", file.toString(), "--format", "obd", "--target", "uniform");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("no valid obd row").contains("line 2: click must be 0 or 1, was 7");
    }

    @Test
    void anUnknownFormatOrNoTargetIsRefused() throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, UNIFORM_LOG);

        assertThat(CliRun.of("ope", "--log", file.toString(), "--format", "parquet", "--target", "uniform").err())
                .contains("unknown bandit log format 'parquet'");
        assertThat(CliRun.of("ope", "--log", file.toString()).err()).contains("name at least one target");
    }
}
