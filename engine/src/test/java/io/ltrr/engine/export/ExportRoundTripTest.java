package io.ltrr.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltrr.engine.eval.TrecRun;
import io.ltrr.engine.io.ReadResult;
import io.ltrr.engine.ope.LogFixture;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.LoggedRound;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRoundTripTest {
    @TempDir
    Path dir;

    private static final List<Judgment> JUDGMENTS = List.of(
            new Judgment("taylor swift love", "t-1", 3, "f"),
            new Judgment("taylor swift love", "t-2", 0, "f"),
            new Judgment("100% pure, \"quoted\"", "a,b", 2, "f"),
            new Judgment("jazz", "j 9", 1, "f"));

    @Test
    void judgmentsSurviveQrelsAndCsvRoundTrips() throws Exception {
        List<Judgment> noSpaceIds = JUDGMENTS.stream().filter(j -> !j.itemId().contains(" ")).toList();
        Path qrels = dir.resolve("j.qrels");
        try (var out = Files.newBufferedWriter(qrels)) {
            JudgmentFiles.writeQrels(noSpaceIds, out);
        }
        assertThat(Files.readString(qrels)).contains("taylor%20swift%20love 0 t-1 3");
        ReadResult<List<Judgment>> fromQrels = JudgmentFiles.readQrels(qrels, "f");
        assertThat(fromQrels.problems()).isEmpty();
        assertThat(fromQrels.value()).containsExactlyInAnyOrderElementsOf(noSpaceIds);

        Path csv = dir.resolve("j.csv");
        try (var out = Files.newBufferedWriter(csv)) {
            JudgmentFiles.writeCsv(JUDGMENTS, out);
        }
        ReadResult<List<Judgment>> fromCsv = JudgmentFiles.readCsv(csv, "f");
        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromCsv.value()).containsExactlyElementsOf(JUDGMENTS);
    }

    @Test
    void malformedCsvLinesAreReportedWithTheirLineNumbers() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, """
                query,docid,rating
                jazz,j1,2
                jazz,j2
                jazz,j3,high
                "unterminated,j4,1
                jazz,j1,3
                ,j5,1
                """);
        ReadResult<List<Judgment>> r = JudgmentFiles.readCsv(csv, "f");
        assertThat(r.value()).containsExactly(new Judgment("jazz", "j1", 2, "f"));
        assertThat(r.problems()).extracting(p -> p.line()).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(r.problems().get(1).reason()).contains("'high' is not an integer");
        assertThat(r.problems().get(3).reason()).contains("duplicate");
    }

    @Test
    void queryIdsEncodeWhitespaceAndPercentExactly() {
        for (String q : List.of("taylor swift", "100% pure", "tab\there", "plain", "ünïcode  two", "%41")) {
            String id = QueryIds.encode(q);
            assertThat(id).doesNotContainPattern("\\s");
            assertThat(QueryIds.decode(id)).isEqualTo(q);
        }
        assertThat(QueryIds.decode("301")).isEqualTo("301");
        assertThat(QueryIds.decode("50%")).isEqualTo("50%");
    }

    @Test
    void storeExportsImportAndReadBack() throws Exception {
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("data"))) {
            List<String> ids = LogFixture.fill(store, 6, 2);
            List<LoggedRound> rounds = store.logReader().rounds();
            String item = rounds.getFirst().shown().getFirst().itemId();
            store.feedbackLog().recordRating(ids.getFirst(), item, 3, "ann", LogFixture.T0);
            store.feedbackLog().recordRating(ids.getFirst(), item, 2, "bob", LogFixture.T0);
            store.feedbackLog().recordRating(ids.getFirst(), item, null, "cat", LogFixture.T0);
        }
        try (DataExport data = DataExport.open(dir.resolve("data"))) {
            // Ratings → consensus qrels (mean of 3 and 2 = 2.5, rounded half up; can't tell left out).
            StringWriter qrels = new StringWriter();
            data.export(DataExport.Kind.QRELS, ExportFormat.CSV, qrels);
            assertThat(qrels.toString()).matches("query%200 0 \\S+ 3\\n");
            Path file = dir.resolve("r.qrels");
            Files.writeString(file, qrels.toString());
            DataExport.JudgmentImport imported = data.importJudgments(file, DataExport.JudgmentFormat.TREC, "r.qrels",
                    false);
            assertThat(imported.problems()).isEmpty();
            assertThat(data.judgments()).singleElement().satisfies(j -> {
                assertThat(j.query()).isEqualTo("query 0");
                assertThat(j.grade()).isEqualTo(3);
                assertThat(j.source()).isEqualTo("r.qrels");
            });
            // Importing the same source again never duplicates.
            data.importJudgments(file, DataExport.JudgmentFormat.TREC, "r.qrels", false);
            assertThat(data.judgments()).hasSize(1);

            StringWriter run = new StringWriter();
            data.export(DataExport.Kind.RUN, ExportFormat.CSV, run);
            var read = TrecRun.read(new StringReader(run.toString()), "run");
            assertThat(read.problems()).isEmpty();
            assertThat(read.value().queryIds()).containsExactly("query%200", "query%201", "query%202");

            StringWriter jsonl = new StringWriter();
            data.export(DataExport.Kind.IMPRESSIONS, ExportFormat.JSONL, jsonl);
            List<String> lines = jsonl.toString().lines().toList();
            assertThat(lines).hasSize(6);
            JsonNode first = new ObjectMapper().readTree(lines.getFirst());
            assertThat(first.get("search_id").asText()).isEqualTo("s-1");
            assertThat(first.get("propensities").get("good").asDouble()).isEqualTo(2.0 / 3);
            assertThat(first.get("chosen")).hasSize(2);

            StringWriter csv = new StringWriter();
            data.export(DataExport.Kind.RATINGS, ExportFormat.CSV, csv);
            assertThat(csv.toString().lines().toList()).hasSize(4)
                    .first().isEqualTo("rating_id,search_id,time,normalized_query,item_id,grade,annotator");
            assertThat(csv.toString()).contains(",,cat");
        }
    }

    @Test
    void vwAdfHasOneExamplePerChosenArmWithNegativeRewardAsCostAndTheMarginalPropensity() throws Exception {
        List<LoggedRound> rounds;
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("vw"))) {
            LogFixture.fill(store, 3, 4);
            rounds = store.logReader().rounds();
        }
        StringWriter out = new StringWriter();
        VwAdfExport.write(rounds, out);
        String[] examples = out.toString().split("\n\n");
        assertThat(examples).hasSize(6); // 3 rounds × |S| = 2
        LoggedRound r = rounds.getFirst();
        String chosen = r.chosen().getFirst();
        String expectedLabel = "0:" + VwAdfExport.number(-r.reward(chosen)) + ":" + (2.0 / 3) + " |a arm=" + chosen;
        assertThat(examples[0].lines().toList()).containsExactly(
                "shared |x bias:1 voice:0",
                r.offered().get(0).equals(chosen) ? expectedLabel : "|a arm=" + r.offered().get(0),
                r.offered().get(1).equals(chosen) ? expectedLabel : "|a arm=" + r.offered().get(1),
                r.offered().get(2).equals(chosen) ? expectedLabel : "|a arm=" + r.offered().get(2));
    }

    @Test
    void csvQuotesAndParsesSpecialCharacters() {
        List<String> fields = List.of("a", "b,c", "say \"hi\"", "");
        assertThat(ExportCsv.line(fields)).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",");
        assertThat(ExportCsv.parse(ExportCsv.line(fields))).containsExactlyElementsOf(fields);
    }
}
