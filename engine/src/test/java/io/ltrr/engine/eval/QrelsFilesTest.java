package io.ltrr.engine.eval;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrelsFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsBeirTsvAndReportsMalformedLinesWithTheirNumbers() throws IOException {
        Path file = dir.resolve("test.tsv");
        Files.writeString(file, String.join("\n",
                "query-id\tcorpus-id\tscore",   // 1 header
                "q1\td1\t1",                    // 2
                "q1\td2",                       // 3 two fields
                "",                             // 4 blank: skipped silently
                "q2\td3\tx",                    // 5 grade not an integer
                "q1\td1\t2",                    // 6 duplicate of line 2
                "q3\t\t1",                      // 7 blank document id
                "q3\td9\t0",                    // 8
                "q4\td7\t1.0"));                // 9 BEIR grades are integers

        ReadResult<Qrels> result = QrelsFiles.readBeirTsv(file);

        assertThat(result.problems()).extracting(LoadProblem::line).containsExactly(3L, 5L, 6L, 7L, 9L);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(result.problems().get(0).reason()).contains("expected 3 tab-separated fields", "found 2");
        assertThat(result.problems().get(1).reason()).isEqualTo("grade 'x' is not an integer");
        assertThat(result.problems().get(2).reason()).contains("duplicate", "kept the earlier grade 1");
        assertThat(result.problems().get(3).reason()).isEqualTo("document id is blank");
        Qrels qrels = result.value();
        assertThat(qrels.queryIds()).containsExactly("q1", "q3");
        assertThat(qrels.judgments("q1")).containsExactly(Map.entry("d1", 1));
        assertThat(qrels.judgments("q3")).containsExactly(Map.entry("d9", 0));
        assertThat(qrels.judgmentCount()).isEqualTo(2);
        assertThat(qrels.relevantCount("q3")).isZero();
        assertThatThrownBy(result::orThrow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("5 malformed line(s)").hasMessageContaining(file + ":3: ");
    }

    @Test
    void headerlessBeirTsvLosesNoRowButSaysSo() throws IOException {
        Path file = dir.resolve("noheader.tsv");
        Files.writeString(file, "q1\td1\t1\nq1\td2\t2\n");
        ReadResult<Qrels> result = QrelsFiles.readBeirTsv(file);
        assertThat(result.value().judgmentCount()).isEqualTo(2);
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1L))
                .satisfies(p -> assertThat(p.reason()).contains("expected header"));
    }

    @Test
    void readsTrecQrelsWithAnyWhitespaceAndNegativeGrades() throws IOException {
        Path file = dir.resolve("qrels.txt");
        Files.writeString(file, String.join("\n",
                "301 0 FBIS3-10082 1",          // 1
                "301\t0   FBIS3-10169 0",       // 2 tabs and runs of spaces
                "301 0 FBIS3-10243",            // 3 three fields
                "302 0 FT911-1 -1",             // 4 negative: kept as given
                "302 0 FT911-2 high",           // 5 not an integer
                ""));

        ReadResult<Qrels> result = QrelsFiles.readTrec(file);

        assertThat(result.problems()).extracting(LoadProblem::line).containsExactly(3L, 5L);
        assertThat(result.problems().get(0).reason()).contains("expected 4 whitespace-separated fields", "found 3");
        assertThat(result.value().judgments("301")).containsExactly(Map.entry("FBIS3-10082", 1), Map.entry("FBIS3-10169", 0));
        assertThat(result.value().judgments("302")).containsExactly(Map.entry("FT911-1", -1));
        assertThat(result.value().relevantCount("301")).isEqualTo(1);
    }

    @Test
    void trecQrelsRoundTrip() throws IOException {
        Qrels.Builder b = Qrels.builder();
        b.add("q1", "d1", 2);
        b.add("q1", "d2", 0);
        b.add("q2", "d1", -1);
        Qrels qrels = b.build();
        Path file = dir.resolve("out.qrels");

        QrelsFiles.writeTrec(qrels, file);

        assertThat(Files.readString(file)).isEqualTo("q1 0 d1 2\nq1 0 d2 0\nq2 0 d1 -1\n");
        ReadResult<Qrels> back = QrelsFiles.readTrec(file);
        assertThat(back.isClean()).isTrue();
        assertThat(back.value()).isEqualTo(qrels);
    }

    @Test
    void writerRejectsIdsWithWhitespace() {
        Qrels.Builder b = Qrels.builder();
        b.add("q 1", "d1", 1);
        assertThatThrownBy(() -> QrelsFiles.writeTrec(b.build(), dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query id 'q 1' contains whitespace");
    }
}
