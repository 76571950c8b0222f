package io.ltrr.engine.eval;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SequencedMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class BeirCollectionTest {
    /** The shared SciFact development data: 809 train claims, 919 judgments (all grade 1). */
    private static final Path SCIFACT = Path.of("..", "..", "shared", "data", "scifact-dev").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void readsSciFactQueries() throws IOException {
        ReadResult<SequencedMap<String, String>> queries = BeirQueries.read(SCIFACT.resolve("queries.jsonl"));
        assertThat(queries.problems()).isEmpty();
        assertThat(queries.value()).hasSize(809);
        assertThat(queries.value().firstEntry())
                .isEqualTo(Map.entry("0", "0-dimensional biomaterials lack inductive properties."));
    }

    @Test
    void readsSciFactTrainQrels() throws IOException {
        ReadResult<Qrels> qrels = QrelsFiles.readBeirTsv(SCIFACT.resolve("qrels").resolve("train.tsv"));
        assertThat(qrels.problems()).isEmpty();
        assertThat(qrels.value().judgmentCount()).isEqualTo(919);
        assertThat(qrels.value().queryCount()).isEqualTo(809);
        assertThat(qrels.value().judgments("0")).containsExactly(Map.entry("31715818", 1));
    }

    @Test
    void loadsSciFactWithItsOnlySplitByDefault() throws IOException {
        BeirCollection scifact = BeirCollection.load(SCIFACT);
        assertThat(scifact.split()).isEqualTo("train"); // no test.tsv, and train is the only split
        assertThat(scifact.corpusFile()).isEqualTo(SCIFACT.resolve("corpus.jsonl"));
        assertThat(scifact.queries()).hasSize(809);
        assertThat(scifact.splitQueries()).hasSize(809);
        assertThat(scifact.qrels().judgmentCount()).isEqualTo(919);
        assertThat(scifact.judgedQueriesWithoutText()).isEmpty();
        assertThat(scifact.problems()).isEmpty();
        assertThat(BeirCollection.availableSplits(SCIFACT)).containsExactly("train");
    }

    @Test
    void missingSplitListsTheAvailableOnes() {
        assertThatThrownBy(() -> BeirCollection.load(SCIFACT, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split 'test' not found")
                .hasMessageContaining("available splits: [train]");
    }

    @Test
    void prefersTestSplitAndKeepsOnlyJudgedQueriesForTheSplit() throws IOException {
        writeCollection();
        Files.writeString(dir.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq2\tdoc2\t1\n");
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq3\tdoc1\t1\nq1\tdoc1\t2\nq9\tdoc1\t1\n");

        BeirCollection collection = BeirCollection.load(dir);

        assertThat(collection.split()).isEqualTo("test");
        assertThat(BeirCollection.availableSplits(dir)).containsExactly("dev", "test");
        // queries.jsonl order, only those judged in test
        assertThat(collection.splitQueries().keySet()).containsExactly("q1", "q3");
        assertThat(collection.judgedQueriesWithoutText()).containsExactly("q9");
        assertThat(BeirCollection.load(dir, "dev").splitQueries().keySet()).containsExactly("q2");
    }

    @Test
    void withoutTestTheFirstSplitAlphabeticallyIsUsed() throws IOException {
        writeCollection();
        Files.writeString(dir.resolve("qrels/train.tsv"), "query-id\tcorpus-id\tscore\nq1\tdoc1\t1\n");
        Files.writeString(dir.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq2\tdoc2\t1\n");
        assertThat(BeirCollection.load(dir).split()).isEqualTo("dev");
    }

    @Test
    void collectsProblemsOfBothFiles() throws IOException {
        writeCollection();
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"a\"}\n{broken\n");
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\tdoc1\n");
        BeirCollection collection = BeirCollection.load(dir);
        assertThat(collection.problems()).extracting(LoadProblem::file, LoadProblem::line).containsExactly(
                tuple(dir.resolve("queries.jsonl").toString(), 2L),
                tuple(dir.resolve("qrels").resolve("test.tsv").toString(), 2L));
        assertThat(collection.queries()).containsExactly(Map.entry("q1", "a"));
        assertThat(collection.qrels().judgmentCount()).isZero();
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> BeirCollection.load(dir, "test"))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("corpus.jsonl");
        Files.writeString(dir.resolve("corpus.jsonl"), "");
        Files.writeString(dir.resolve("queries.jsonl"), "");
        assertThatThrownBy(() -> BeirCollection.load(dir))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("qrels");
    }

    @Test
    void reportsMalformedQueryLinesWithTheirNumbers() throws IOException {
        Path file = dir.resolve("queries.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"_id\": \"1\", \"text\": \"first\", \"metadata\": {}}", // 1
                "{\"_id\": \"2\"}",                                      // 2 no text
                "not json",                                             // 3
                "[1, 2]",                                               // 4 not an object
                "",                                                     // 5 blank: skipped
                "{\"_id\": \"1\", \"text\": \"again\"}",                 // 6 duplicate id
                "{\"_id\": 7, \"text\": \"numeric id\"}",                // 7 numeric id is fine
                "{\"text\": \"no id\"}"));                              // 8

        ReadResult<SequencedMap<String, String>> result = BeirQueries.read(file);

        assertThat(result.problems()).extracting(LoadProblem::line).containsExactly(2L, 3L, 4L, 6L, 8L);
        assertThat(result.problems()).extracting(LoadProblem::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("query '2' has no string \"text\""),
                r -> assertThat(r).startsWith("not valid JSON"),
                r -> assertThat(r).isEqualTo("expected a JSON object"),
                r -> assertThat(r).isEqualTo("duplicate query id '1'; kept the first"),
                r -> assertThat(r).isEqualTo("missing or blank \"_id\""));
        assertThat(result.value()).containsExactly(Map.entry("1", "first"), Map.entry("7", "numeric id"));
    }

    private void writeCollection() throws IOException {
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\": \"doc1\", \"title\": \"\", \"text\": \"x\"}\n");
        Files.writeString(dir.resolve("queries.jsonl"), String.join("\n",
                "{\"_id\": \"q1\", \"text\": \"one\"}",
                "{\"_id\": \"q2\", \"text\": \"two\"}",
                "{\"_id\": \"q3\", \"text\": \"three\"}"));
    }
}
