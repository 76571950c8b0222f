package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr judgments}: judgments from the folder's clicks, stored as a source evaluation can name. */
class JudgmentsCommandTest {
    @TempDir
    Path dir;

    private Path indexedFolder() throws IOException {
        Path data = dir.resolve("data");
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                track_id,name,performer,album,styles,year,popularity
                t1,Love Song,Harvey Taylor,Night Songs,Trip Hop,1998,0.2
                t2,Love Song,Pearl Taylor,Grandbaby,Trip Hop,2005,0.9
                t3,Orange Horizon,Valliam,Drift,Ambient,2010,0.6
                t5,Quiet Morning,Still Water,Mornings,Ambient,2014,0.05
                """);
        CliRun index = CliRun.of("index", "--data", data.toString(), "--catalog", catalog.toString(),
                "--no-embeddings", "--mapping", "id=track_id,title=name,artist=performer");
        assertThat(index.exitCode()).as(index.err()).isZero();
        return data;
    }

    @Test
    void clicksOfTheOwnLogBecomeAJudgmentSourceThatEvalUses() throws IOException {
        String d = indexedFolder().toString();
        for (int i = 0; i < 3; i++) {
            JsonNode r = CliRun.of("search", "love song", "--data", d, "--time", "2026-11-20T12:00", "--shown", "3",
                    "--json").json();
            CliRun click = CliRun.of("feedback", "click", r.get("search_id").asText(), "t2", "--data", d);
            assertThat(click.exitCode()).as(click.err()).isZero();
        }

        CliRun made = CliRun.of("judgments", "from-clicks", "--model", "pbm", "--min-impressions", "3", "--data", d,
                "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        JsonNode doc = made.json();
        assertThat(doc.get("source").asText()).isEqualTo("clicks-pbm");
        assertThat(doc.get("sessions").asInt()).isEqualTo(3);
        assertThat(doc.get("judged").asInt()).isEqualTo(doc.get("added").asInt()).isPositive();

        CliRun eval = CliRun.of("eval", "--judgments", "clicks-pbm", "--arm", "bm25", "--data", d, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();

        CliRun text = CliRun.of("judgments", "from-clicks", "--model", "coec", "--min-impressions", "3", "--source",
                "mine", "--data", d);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("coec on 3 sessions").contains("stored as judgment source 'mine'");
    }

    @Test
    void anImportedUbiLogIsFittedInsteadOfTheOwnLogWhenNamed() throws IOException {
        String d = indexedFolder().toString();
        StringBuilder queries = new StringBuilder();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            // t2 is shown second and clicked every time; t1, shown first, never.
            queries.append("{\"query_id\":\"q").append(i).append("\",\"user_query\":\"love song\",")
                    .append("\"query_response_hit_ids\":[\"t1\",\"t2\",\"t3\"]}\n");
            events.append("{\"action_name\":\"click\",\"query_id\":\"q").append(i).append("\",")
                    .append("\"timestamp\":\"2026-01-01T00:00:00Z\",\"event_attributes\":{\"object\":")
                    .append("{\"object_id\":\"t2\"},\"position\":{\"ordinal\":2}}}\n");
        }
        Path q = dir.resolve("ubi_queries.ndjson");
        Path e = dir.resolve("ubi_events.ndjson");
        Files.writeString(q, queries);
        Files.writeString(e, events);
        CliRun imported = CliRun.of("import", "ubi", "--queries", q.toString(), "--events", e.toString(), "--source",
                "shop", "--data", d);
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        CliRun made = CliRun.of("judgments", "from-clicks", "--model", "coec", "--min-impressions", "3", "--ubi",
                "shop", "--source", "shop-coec", "--data", d, "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        JsonNode doc = made.json();
        assertThat(doc.get("sessions").asInt()).as("the imported log's sessions, not the own log's").isEqualTo(6);
        assertThat(doc.get("judged").asInt()).isPositive();

        CliRun unknown = CliRun.of("judgments", "from-clicks", "--model", "pbm", "--ubi", "nope", "--data", d);
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("nope");
    }

    @Test
    void anEmptyLogStoresNothingAndSaysSoWithExitCodeOne() throws IOException {
        String d = indexedFolder().toString();
        CliRun run = CliRun.of("judgments", "from-clicks", "--model", "dbn", "--data", d);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("nothing stored").contains("'clicks-dbn' is unchanged");
        assertThat(CliRun.of("judgments", "from-clicks", "--model", "ubm", "--data", d).err())
                .contains("click model must be one of [coec, pbm, dbn]");
    }
}
