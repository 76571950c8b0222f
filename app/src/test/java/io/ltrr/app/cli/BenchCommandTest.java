package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog generate}, {@code bench --end-to-end} and {@code bench --store-writes} on the folder's own H2 store:
 * the documents scripts read (no speed is asserted). The store-write bench on PostgreSQL: SharedStoreCliTest.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    private CliRun generate(Path out, String seed) {
        return CliRun.of("catalog", "generate", "--data", dir.resolve("data").toString(), "--items", "1500", "--seed",
                seed, "--out", out.toString(), "--json");
    }

    @Test
    void generateWritesTheRequestedItemsIdenticallyForASeed() throws IOException {
        CliRun a = generate(dir.resolve("a.jsonl"), "3");
        CliRun b = generate(dir.resolve("b.jsonl"), "3");
        assertThat(a.exitCode()).as(a.err()).isZero();
        JsonNode doc = a.json();
        assertThat(doc.get("items").asLong()).isEqualTo(1500);
        long sum = 0;
        for (JsonNode n : doc.get("items_by_type")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(1500);
        assertThat(doc.get("items_by_type").has("track")).isTrue();
        assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).hasSize(1500)
                .isEqualTo(Files.readAllLines(dir.resolve("b.jsonl")));
    }

    @Test
    void endToEndBenchPrintsOneJsonDocumentWithItsFigures() {
        Path catalog = dir.resolve("gen.jsonl");
        assertThat(generate(catalog, "5").exitCode()).isZero();
        CliRun run = CliRun.of("bench", "--end-to-end", "--data", dir.resolve("data").toString(), "--catalog",
                catalog.toString(), "--work", dir.resolve("work").toString(), "--queries", "40", "--warmup", "10",
                "--simulate-rounds", "30", "--simulate-warmup", "1", "--simulate-passes", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("catalog_items").asInt()).isEqualTo(1500);
        assertThat(doc.get("index_items").asInt()).isEqualTo(1500);
        assertThat(doc.get("search_queries").asInt()).isEqualTo(40);
        for (String key : new String[] {"index_items_per_s", "search_p50_ms", "search_p99_ms", "search_mean_ms",
                "search_cpu_mean_ms", "simulated_searches_per_s", "simulated_searches_per_cpu_s",
                "simulated_all_arms_searches_per_s", "simulated_first_pass_searches_per_s",
                "simulated_all_arms_first_pass_searches_per_s", "simulated_searches_per_arm_request", "peak_heap_mb",
                "simulated_second_half_searches_per_s", "simulated_all_arms_second_half_searches_per_s",
                "heap_max_mb", "process_cpu_s"}) {
            assertThat(doc.has(key)).as(key).isTrue();
            assertThat(doc.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(doc.get("search_p99_ms").asDouble()).isGreaterThanOrEqualTo(doc.get("search_p50_ms").asDouble());
        assertThat(doc.get("search_with_embedding_note").asText()).contains("no embeddings");
        assertThat(doc.has("search_with_embedding_p50_ms")).isFalse();
        assertThat(doc.get("simulated_lexical_arms").toString()).isEqualTo("[\"bm25\",\"bm25-pop\"]");
        assertThat(doc.get("simulated_warmup_passes").asInt()).isEqualTo(1);
        assertThat(doc.get("simulated_searches_per_s_passes")).hasSize(2);
        assertThat(doc.get("simulated_all_arms_second_half_searches_per_s_passes")).hasSize(2);
        assertThat(doc.get("simulated_searches_per_arm_request").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(doc.get("simulated_all_arms").toString()).doesNotContain("dense").contains("memory");
        assertThat(run.err()).contains("bench:");
    }

    @Test
    void reuseIndexWithoutAWorkFolderIsAOneLineError() {
        CliRun run = CliRun.of("bench", "--end-to-end", "--reuse-index", "--data", dir.resolve("reuse").toString(),
                "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reuse-index needs --work DIR");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void storeWritesOnTheFoldersOwnStoreUseOneWriterAndStayInItsLog() {
        String data = dir.resolve("store-bench").toString();
        CliRun run = CliRun.of("bench", "--store-writes", "--data", data, "--searches", "15", "--warmup", "3",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("store").asText()).isEqualTo("h2");
        assertThat(doc.get("writers").asInt()).isEqualTo(1);
        assertThat(doc.get("searches_per_writer").asInt()).isEqualTo(15);
        assertThat(doc.get("shown_per_search").asInt()).isEqualTo(10);
        assertThat(doc.get("searches").asLong()).isEqualTo(15);
        assertThat(doc.get("events").asLong()).isEqualTo(15 + doc.get("clicks").asLong());
        assertThat(doc.get("searches_per_second").asDouble()).isPositive();
        assertThat(doc.get("events_per_second").asDouble())
                .isGreaterThanOrEqualTo(doc.get("searches_per_second").asDouble());
        assertThat(doc.get("search_write_p99_ms").asDouble())
                .isGreaterThanOrEqualTo(doc.get("search_write_p50_ms").asDouble()).isPositive();

        JsonNode log = CliRun.of("log", "--data", data, "--json").json();
        assertThat(log.get("searches").asLong()).as("timed and warm-up searches").isEqualTo(18);
        assertThat(log.get("clicks").asLong()).isGreaterThanOrEqualTo(doc.get("clicks").asLong());

        CliRun again = CliRun.of("bench", "--store-writes", "--data", data, "--searches", "5", "--warmup", "0");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds 18 searches").contains("--into-existing-log");
        CliRun into = CliRun.of("bench", "--store-writes", "--data", data, "--searches", "5", "--warmup", "0",
                "--into-existing-log");
        assertThat(into.exitCode()).as(into.err()).isZero();
        assertThat(into.out()).contains("5 searches").contains("searches/s");
        assertThat(CliRun.of("log", "--data", data, "--json").json().get("searches").asLong()).isEqualTo(23);
    }

    @Test
    void severalWritersOnTheFoldersOwnStoreAreRefused() {
        CliRun run = CliRun.of("bench", "--store-writes", "--writers", "2", "--data",
                dir.resolve("store-bench").toString(), "--searches", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("own H2 store is locked to one process").contains("--store postgresql://");
        assertThat(dir.resolve("store-bench")).as("nothing made for a refused run").doesNotExist();
    }
}
