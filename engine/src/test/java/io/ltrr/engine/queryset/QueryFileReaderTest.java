package io.ltrr.engine.queryset;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void aPlainFileGivesOneQueryPerLineAndNamesEachBadLine() throws IOException {
        Path f = dir.resolve("q.txt");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("blue train\n\n# a comment\n  kind of blue  \nblue train\n" + "x".repeat(1001) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'b', 'a', (byte) 0xFF, '\n', 'l', 'a', 's', 't', '\n'};
        Files.write(f, concat(bom, text, bad));

        ReadResult<List<String>> read = QueryFileReader.read(f);

        assertThat(read.value()).containsExactly("blue train", "kind of blue", "last");
        assertThat(read.problems()).extracting(LoadProblem::line).containsExactly(5L, 6L, 7L);
        assertThat(read.problems().get(0).reason()).contains("repeats line 1");
        assertThat(read.problems().get(1).reason()).contains("too long");
        assertThat(read.problems().get(2).reason()).contains("UTF-8");
    }

    @Test
    void aCsvWithAQueryColumnTakesThatColumn() throws IOException {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "\uFEFFid,Query,notes\n1,\"love, song\",x\n2,,y\n3,\"unterminated\n4,jazz\n5\n");

        ReadResult<List<String>> read = QueryFileReader.read(f);

        assertThat(read.value()).containsExactly("love, song", "jazz");
        assertThat(read.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 6L);
        assertThat(read.problems().get(0).reason()).isEqualTo("query is blank");
        assertThat(read.problems().get(1).reason()).startsWith("malformed CSV");
        assertThat(read.problems().get(2).reason()).contains("column 2");
    }

    @Test
    void aFirstLineWithoutAQueryColumnIsAQuery() throws IOException {
        Path f = dir.resolve("q.txt");
        Files.writeString(f, "rock, paper\nscissors\n");

        assertThat(QueryFileReader.read(f).value()).containsExactly("rock, paper", "scissors");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
