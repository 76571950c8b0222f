package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy reset [--cold]} and {@code prior learn} on a catalog that is not the sample one: no shipped prior
 * fits (the start says why), a prior learned on the folder's catalog does, reset goes back to it, reset --cold to
 * uniform.
 */
class PolicyPriorCommandTest {
    @TempDir
    Path dir;

    private String indexed() throws IOException {
        Path data = dir.resolve("data");
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                track_id,name,performer,album,styles,year,popularity
                t1,Love Song,Harvey Taylor,Night Songs,Trip Hop,1998,0.2
                t2,Love Me Slow,Valliam,Drift,Ambient,2010,0.6
                t3,Song of Love,Valliam,Drift,Ambient,2010,0.3
                t4,Love Avalon,Valliam,Drift,Chillout,2011,0.1
                t5,Bass Love,Dub Unit,Heavy,Dubstep,2012,0.5
                t6,Quiet Love Morning,Still Water,Mornings,Ambient,2014,0.05
                """);
        CliRun index = CliRun.of("index", "--data", data.toString(), "--catalog", catalog.toString(),
                "--no-embeddings", "--mapping", "id=track_id,title=name,artist=performer");
        assertThat(index.exitCode()).as(index.err()).isZero();
        return data.toString();
    }

    private static JsonNode run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json();
    }

    @Test
    void anotherCatalogStartsUniformSayingWhyUntilAPriorIsLearnedOnIt() throws IOException {
        String d = indexed();
        JsonNode shown = run("policy", "--data", d, "--json");
        assertThat(shown.get("started_from").asText()).isEqualTo("uniform");
        assertThat(shown.get("start_source").asText()).isEqualTo("none");
        assertThat(shown.get("start_note").asText()).contains("shipped ltrr/priors/thompson.json",
                "another catalog");

        JsonNode learned = run("prior", "learn", "--rounds", "200", "--data", d, "--json");
        assertThat(learned.get("priors").get(0).get("policy").asText()).isEqualTo("thompson");
        assertThat(Path.of(learned.get("priors").get(0).get("file").asText()))
                .isEqualTo(Path.of(d, "priors", "thompson.json"));

        JsonNode reset = run("policy", "reset", "--data", d, "--json");
        assertThat(reset.get("started_from").asText()).isEqualTo("prior");
        assertThat(reset.get("start_source").asText()).isEqualTo("folder priors/thompson.json");
        assertThat(reset.get("start_note").asText()).contains("music-default", "200 rounds");

        JsonNode cold = run("policy", "reset", "--cold", "--data", d, "--json");
        assertThat(cold.get("started_from").asText()).isEqualTo("uniform");
        assertThat(cold.get("start_note").asText()).contains("--cold");
        assertThat(run("policy", "--data", d, "--json").get("started_from").asText())
                .as("remembered").isEqualTo("uniform");

        CliRun text = CliRun.of("policy", "reset", "--data", d);
        assertThat(text.out()).contains("started_from: prior", "start_source: folder priors/thompson.json");
    }

    @Test
    void coldWithoutResetAndAnUnknownActionAreOneLineErrors() throws IOException {
        String d = indexed();
        CliRun cold = CliRun.of("policy", "use", "linucb", "--cold", "--data", d);
        assertThat(cold.exitCode()).isNotZero();
        assertThat(cold.err().strip()).contains("--cold goes with reset only").doesNotContain("\n");
        CliRun prior = CliRun.of("prior", "forget", "--data", d);
        assertThat(prior.exitCode()).isNotZero();
        assertThat(prior.err().strip()).contains("unknown action 'forget'").doesNotContain("\n");
    }
}
