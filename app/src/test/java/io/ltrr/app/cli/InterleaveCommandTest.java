package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr search --interleave} and {@code ltrr interleave status}, in-process on a small indexed catalog. */
class InterleaveCommandTest {
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

    @Test
    void anInterleavedSearchShowsTeamsAndItsClicksCountInTheStatus() throws IOException {
        String d = indexed();
        CliRun search = CliRun.of("search", "love", "--interleave", "rrf,rrf", "--max-explore", "0", "--data", d,
                "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        JsonNode round = search.json();
        assertThat(round.get("ranker").asText()).isEqualTo("team-draft(rrf,rrf)");
        JsonNode results = round.get("results");
        assertThat(results.size()).isGreaterThan(1);
        assertThat(results.get(0).get("team").asText()).isIn("A", "B");
        assertThat(results.get(1).get("team").asText()).isNotEqualTo(results.get(0).get("team").asText());
        JsonNode soFar = round.get("interleaving");
        assertThat(soFar.get("ranker_a").asText()).isEqualTo("rrf");
        assertThat(soFar.get("impressions").asLong()).isEqualTo(1);
        assertThat(soFar.get("ties").asLong()).as("not clicked yet").isEqualTo(1);

        String searchId = round.get("search_id").asText();
        JsonNode clicked = results.get(0);
        CliRun click = CliRun.of("feedback", "click", searchId, clicked.get("item_id").asText(), "--data", d);
        assertThat(click.exitCode()).as(click.err()).isZero();

        CliRun status = CliRun.of("interleave", "status", "rrf,rrf", "--data", d, "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode c = status.json().get("comparisons").get(0);
        boolean aClicked = clicked.get("team").asText().equals("A");
        assertThat(c.get("a_wins").asLong()).isEqualTo(aClicked ? 1 : 0);
        assertThat(c.get("b_wins").asLong()).isEqualTo(aClicked ? 0 : 1);
        assertThat(c.get("ties").asLong()).isZero();
        assertThat(c.get("p_value").asDouble()).isEqualTo(1.0);
        assertThat(c.get("preferred").asText()).isEqualTo("neither");

        CliRun text = CliRun.of("interleave", "status", "--data", d);
        assertThat(text.out()).contains("rrf (A) vs rrf (B): 1 impression, A won " + (aClicked ? 1 : 0));
    }

    @Test
    void aBadPairOrAnUntrainedRankerIsOneLine() throws IOException {
        String d = indexed();
        CliRun bad = CliRun.of("search", "love", "--interleave", "rrf", "--data", d);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("two ranker ids separated by a comma");
        CliRun untrained = CliRun.of("search", "love", "--interleave", "rrf,pairwise", "--data", d);
        assertThat(untrained.exitCode()).isEqualTo(2);
        assertThat(untrained.err()).contains("cannot interleave: ranker 'pairwise' has no trained model yet");
        CliRun none = CliRun.of("interleave", "status", "--data", d);
        assertThat(none.out()).contains("no interleaved searches yet");
    }
}
