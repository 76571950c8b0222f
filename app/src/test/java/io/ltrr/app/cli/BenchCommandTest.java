package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog generate} and {@code bench --end-to-end}: the documents scripts read (no speed is asserted). */
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
        assertThat(doc.get("simulated_searches_per_arm_request").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(doc.get("simulated_all_arms").toString()).doesNotContain("dense").contains("memory");
        assertThat(run.err()).contains("bench:");
    }
}
