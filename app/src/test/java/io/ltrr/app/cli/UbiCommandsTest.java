package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr export ubi} and {@code ltrr import ubi} on a small indexed folder with a few searches. */
class UbiCommandsTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void searchClickAndRate() throws IOException {
        data = dir.resolve("data");
        Path catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                id,title,artist,styles
                t1,Love Song,Harvey Taylor,Trip Hop
                t2,Orange Horizon,Valliam,Ambient
                t3,Night Drive,Cities Club,Downtempo
                t4,Love Theme,Cities Club,Downtempo
                """);
        CliRun index = CliRun.of("index", "--data", data.toString(), "--catalog", catalog.toString(),
                "--no-embeddings");
        assertThat(index.exitCode()).as(index.err()).isZero();
        try (Workbench wb = Workbench.open(WorkbenchConfig.defaults(data))) {
            SearchContext ctx = SearchContext.anonymous(LocalDateTime.of(2026, 11, 20, 12, 0));
            SearchResult love = wb.search("love", ctx);
            wb.click(love.searchId(), love.results().getFirst().itemId());
            wb.rate(love.searchId(), love.results().getFirst().itemId(), 3, "alice");
            wb.search("night drive", ctx);
        }
    }

    @Test
    void theOwnLogGoesOutAsUbiAndComesBackAsASourceReplacedOnlyWhenAsked() throws IOException {
        Path out = dir.resolve("ubi-out");
        CliRun export = CliRun.of("export", "ubi", "--out", out.toString(), "--data", data.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote 2 UBI queries", "2 events (clicks and ratings)");
        Path queries = out.resolve("ubi_queries.ndjson");
        Path events = out.resolve("ubi_events.ndjson");
        assertThat(Files.readAllLines(events)).hasSize(2);

        CliRun first = CliRun.of("import", "ubi", "--queries", queries.toString(), "--events", events.toString(),
                "--data", data.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported UBI log 'ubi_queries.ndjson': 2 queries", "2 events (1 clicks",
                "every hit id and object id is in the catalog");

        CliRun again = CliRun.of("import", "ubi", "--queries", queries.toString(), "--events", events.toString(),
                "--data", data.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).doesNotContain("\n").contains("holds an imported log already", "--replace");

        CliRun replaced = CliRun.of("import", "ubi", "--queries", queries.toString(), "--events", events.toString(),
                "--replace", "--data", data.toString(), "--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        JsonNode doc = replaced.json();
        assertThat(doc.get("replaced").asBoolean()).isTrue();
        assertThat(doc.get("queries").asInt()).isEqualTo(2);
        assertThat(doc.get("catalog_matched").asBoolean()).isTrue();
    }

    @Test
    void badRecordsAreListedByFileAndLineAndTheRestIsImported() throws IOException {
        Path queries = dir.resolve("shop-queries.ndjson");
        Files.writeString(queries, """
                {"query_id":"a","user_query":"love","query_response_hit_ids":["t1","sku-9"]}
                {"query_id":"b"}
                """);
        Path events = dir.resolve("shop-events.json");
        Files.writeString(events, """
                [
                  {"action_name":"click","query_id":"a","timestamp":"2025-01-01T00:00:00Z",
                   "event_attributes":{"object":{"object_id":"sku-9"},"position":{"ordinal":2}}},
                  {"action_name":"click","query_id":"a"}
                ]
                """);
        CliRun run = CliRun.of("import", "ubi", "--queries", queries.toString(), "--events", events.toString(),
                "--source", "shop", "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(queries + ":2: no user_query", events + ":4: element 2: no timestamp");
        assertThat(run.out()).contains("imported UBI log 'shop': 1 queries (2 hits shown), 1 events (1 clicks",
                "not in the catalog: 1 distinct hit ids, 1 distinct object ids (e.g. sku-9)");
    }

    @Test
    void aFileThatIsNotUbiOrMissingOptionsAreOneLineErrors() throws IOException {
        Path csv = dir.resolve("queries.csv");
        Files.writeString(csv, "query_id,user_query\nq1,love\n");
        CliRun notUbi = CliRun.of("import", "ubi", "--queries", csv.toString(), "--events", csv.toString(),
                "--data", data.toString());
        assertThat(notUbi.exitCode()).isEqualTo(2);
        assertThat(notUbi.err().strip()).doesNotContain("\n").doesNotContain("cannot read")
                .contains("queries.csv:1: neither NDJSON");

        CliRun noEvents = CliRun.of("import", "ubi", "--queries", csv.toString(), "--data", data.toString());
        assertThat(noEvents.exitCode()).isEqualTo(2);
        assertThat(noEvents.err()).contains("--queries FILE and --events FILE");
    }
}
