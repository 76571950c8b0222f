package io.ltrr.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts use it: exit codes, JSON on stdout only, messages on stderr. */
class CommandLineTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path catalog;

    @BeforeAll
    static void indexSmallCatalog() throws IOException {
        data = dir.resolve("data");
        catalog = dir.resolve("music.csv");
        Files.writeString(catalog, """
                track_id,name,performer,album,styles,year,popularity
                t1,Love Song,Harvey Taylor,Night Songs,Trip Hop,1998,0.2
                t2,Love Song,Pearl Taylor,Grandbaby,Trip Hop,2005,0.9
                t3,Orange Horizon,Valliam,Drift,Ambient,2010,0.6
                t4,"Broken, quote,Nobody,X,Ambient,2010,0.5
                t5,Quiet Morning,Still Water,Mornings,Ambient,2014,0.05
                """);
    }

    private static CliRun index() {
        return CliRun.of("index", "--data", data.toString(), "--catalog", catalog.toString(), "--no-embeddings",
                "--mapping", "id=track_id,title=name,artist=performer", "--json");
    }

    @Test
    void indexReportsLoadedAndSkippedRowsWithLineNumbers() {
        CliRun run = index();
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("skipped").asInt()).isEqualTo(1);
        assertThat(doc.get("loaded").asInt()).isEqualTo(doc.get("items").asInt());
        assertThat(doc.get("loaded").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(run.err()).contains("music.csv:5");
        assertThat(doc.get("embedding_model").asText()).isEmpty();
    }

    @Test
    void indexIsNotRebuiltWhenNothingChanged() {
        index();
        CliRun again = index();
        assertThat(again.json().get("rebuilt").asBoolean()).isFalse();
    }

    @Test
    void searchPrintsEachArmsResultsAndTheInterpretationsAsJson() {
        index();
        CliRun run = CliRun.of("search", "love song", "--data", data.toString(), "--json", "--arm", "bm25",
                "--arm", "structured", "--k", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("query").asText()).isEqualTo("love song");
        assertThat(doc.get("analysis").get("interpretations").size()).isPositive();
        JsonNode arms = doc.get("arms");
        assertThat(arms.size()).isEqualTo(2);
        assertThat(arms.get(0).get("arm").asText()).isEqualTo("bm25");
        List<String> ids = arms.get(0).get("results").findValuesAsText("item_id");
        assertThat(ids).hasSizeLessThanOrEqualTo(3).contains("t1", "t2");
    }

    private static java.util.Map<String, Double> means(JsonNode round) {
        java.util.Map<String, Double> m = new java.util.HashMap<>();
        round.get("selection").forEach(a -> m.put(a.get("arm").asText(), a.get("mean").asDouble()));
        return m;
    }

    @Test
    void aScriptedSearchAndClickMovesThePolicysEstimatesAcrossProcesses() {
        Path fresh = dir.resolve("bandit-data");
        String[] search = {"search", "love song", "--data", fresh.toString(), "--json", "--time", "2026-11-20T12:00"};
        CliRun.of("index", "--data", fresh.toString(), "--catalog", catalog.toString(), "--no-embeddings",
                "--mapping", "id=track_id,title=name,artist=performer", "--json");
        JsonNode first = CliRun.of(search).json();
        JsonNode top = first.get("results").get(0);
        java.util.Set<String> holders = new java.util.HashSet<>();
        top.get("provenance").fieldNames().forEachRemaining(holders::add);
        CliRun click = CliRun.of("feedback", "click", first.get("search_id").asText(), top.get("item_id").asText(),
                "--data", fresh.toString(), "--json");
        assertThat(click.exitCode()).as(click.err()).isZero();
        JsonNode rewards = click.json().get("rewards");
        // every process opens and closes the workbench: the next search sees the state the click left behind
        JsonNode second = CliRun.of(search).json();
        java.util.Map<String, Double> before = means(first);
        java.util.Map<String, Double> after = means(second);
        rewards.fieldNames().forEachRemaining(arm -> {
            if (holders.contains(arm)) {
                assertThat(rewards.get(arm).asDouble()).isEqualTo(1.0);
                assertThat(after.get(arm)).as(arm + " held the clicked item").isGreaterThan(before.get(arm));
            } else {
                assertThat(rewards.get(arm).asDouble()).isEqualTo(0.0);
                assertThat(after.get(arm)).as(arm + " was chosen but missed it").isLessThan(before.get(arm));
            }
        });
        assertThat(second.get("policy_round").asLong()).isEqualTo(first.get("policy_round").asLong() + 1);
        JsonNode log = CliRun.of("log", "--data", fresh.toString(), "--json").json();
        assertThat(log.get("searches").asLong()).isEqualTo(2);
        assertThat(log.get("clicks").asLong()).isEqualTo(1);
    }

    @Test
    void searchRanksItsRoundByTheFusionSpecAsked() {
        index();
        CliRun run = CliRun.of("search", "love song", "--data", data.toString(), "--ranker", "fusion:rrf:k=20",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("ranker").asText()).isEqualTo("fusion:rrf:k=20");
        CliRun bad = CliRun.of("search", "love song", "--data", data.toString(), "--ranker", "fusion:median");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("fusion:median").doesNotContain("Exception");
    }

    @Test
    void unknownArmIsAClearErrorWithExitCodeTwo() {
        index();
        CliRun run = CliRun.of("search", "love", "--data", data.toString(), "--arm", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("arm 'nope' is unknown").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void evalComputesMetricsOnABeirCollectionAndWritesARunFile() throws IOException {
        Path beir = dir.resolve("tiny-beir");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), """
                {"_id": "d1", "title": "Cats", "text": "Cats purr and sleep all day."}
                {"_id": "d2", "title": "Dogs", "text": "Dogs bark at the mail carrier."}
                {"_id": "d3", "title": "Birds", "text": "Birds sing at dawn."}
                """);
        Files.writeString(beir.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "why do cats purr"}
                {"_id": "q2", "text": "birds singing"}
                """);
        Files.writeString(beir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n");
        Path runFile = dir.resolve("bm25.run");
        CliRun run = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--arm", "bm25",
                "--run", runFile.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode arm = run.json().get("arms").get(0);
        // Each query's only relevant document is retrieved first: nDCG@10 = MRR@10 = recall@100 = 1.
        assertThat(arm.get("ndcg@10").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(arm.get("mrr@10").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(arm.get("recall@100").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(Files.readAllLines(runFile)).first().asString().startsWith("q1 Q0 d1 1 ");
    }

    @Test
    void evalWithATrainingSplitScoresEveryQueryOfTheEvaluatedSplitAndSaysSo() throws IOException {
        Path beir = dir.resolve("train-beir");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), """
                {"_id": "d1", "title": "Cats", "text": "Cats purr when content; dogs rarely do."}
                {"_id": "d2", "title": "Dogs", "text": "Dogs bark at the mail carrier, cats watch."}
                {"_id": "d3", "title": "Birds", "text": "Birds sing at dawn, cats listen."}
                """);
        Files.writeString(beir.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "why do cats purr"}
                {"_id": "q2", "text": "birds singing"}
                {"_id": "q3", "text": "dogs barking"}
                """);
        Files.writeString(beir.resolve("qrels").resolve("test.tsv"), "query-id\tcorpus-id\tscore\nq2\td3\t1\n");
        Files.writeString(beir.resolve("qrels").resolve("train.tsv"),
                "query-id\tcorpus-id\tscore\nq1\td1\t1\nq3\td2\t1\n");
        CliRun run = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--split", "test",
                "--arm", "bm25", "--ranker", "fusion:sweep", "--train-split", "train", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("queries").asInt()).isEqualTo(1);
        assertThat(run.json().get("scored_queries").asText()).isEqualTo("all 1 judged queries of split test");
        assertThat(run.json().get("training_queries").asInt()).isEqualTo(2);
        assertThat(run.json().get("trained_on").asText()).isEqualTo("2 judged queries of split train");
        CliRun text = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--split", "test",
                "--arm", "bm25", "--ranker", "fusion");
        assertThat(text.out()).contains("scored: all 1 judged queries of split test");
        CliRun bad = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--arm", "bm25",
                "--train-collection", beir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("--train-split").doesNotContain("\n");
        CliRun model = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--arm", "dense",
                "--embedding-model", "bert");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("unknown 'bert'").contains("bge-small");
    }

    @Test
    void evalOnAMissingSplitListsTheSplitsThatExist() throws IOException {
        Path beir = dir.resolve("split-beir");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"title\": \"a\", \"text\": \"b\"}\n");
        Files.writeString(beir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"a\"}\n");
        Files.writeString(beir.resolve("qrels").resolve("dev.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        CliRun run = CliRun.of("eval", "--data", data.toString(), "--collection", beir.toString(), "--split", "test",
                "--arm", "bm25");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dev");
    }
}
