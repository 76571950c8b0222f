package io.ltrr.engine.eval;

import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.io.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrecRunTest {
    @TempDir
    Path dir;

    @Test
    void writesOneLinePerResultWithRanksInGivenOrder() throws IOException {
        Run.Builder b = Run.builder();
        b.add("q1", "d7", 12.5);
        b.add("q1", "d3", 0.1);
        b.add("q2", "d1", -3.0);
        Path file = dir.resolve("run.txt");

        TrecRun.write(b.build(), "bm25", file);

        assertThat(Files.readString(file)).isEqualTo("""
                q1 Q0 d7 1 12.5 bm25
                q1 Q0 d3 2 0.1 bm25
                q2 Q0 d1 1 -3.0 bm25
                """);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Run.Builder b = Run.builder();
        b.add("q1", "d7", 12.345678901234567);
        b.add("q1", "d3", 1e-7);
        b.add("q1", "d9", Double.NEGATIVE_INFINITY);
        b.add("q2", "d1", -0.0);
        Run run = b.build();
        Path file = dir.resolve("run.txt");

        TrecRun.write(run, "tag", file);
        ReadResult<Run> back = TrecRun.read(file);

        assertThat(back.isClean()).isTrue();
        assertThat(back.value()).isEqualTo(run);
    }

    @Test
    void reportsMalformedLinesWithTheirNumbersAndLoadsTheRest() throws IOException {
        Path file = dir.resolve("bad.run");
        Files.writeString(file, String.join("\n",
                "q1 Q0 d1 1 12.5 tag",        // 1
                "# a comment",               // 2 skipped, as trec_eval does
                "q1 Q0 d2 two 11 tag",        // 3 rank not an integer
                "q1 Q0 d3 3 abc tag",         // 4 score not a number
                "q1 Q0 d1 4 10 tag",          // 5 d1 again
                "q1 Q0 d4 5 10",              // 6 five fields
                "",                           // 7 blank
                "q2\tQ0\td1\t1\t-3.25\ttag",  // 8 tabs are whitespace too
                "q2 Q0 d2 2 NaN tag"));       // 9

        ReadResult<Run> result = TrecRun.read(file);

        assertThat(result.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 5L, 6L, 9L);
        assertThat(result.problems()).extracting(LoadProblem::reason).containsExactly(
                "rank 'two' is not an integer",
                "score 'abc' is not a number",
                "query 'q1' already lists document 'd1'; kept the first",
                "expected 6 whitespace-separated fields (qid Q0 docid rank score tag), found 5",
                "score is NaN");
        Run run = result.value();
        assertThat(run.queryIds()).containsExactly("q1", "q2");
        assertThat(run.results("q1")).containsExactly(new ScoredDoc("d1", 12.5));
        assertThat(run.results("q2")).containsExactly(new ScoredDoc("d1", -3.25));
    }

    @Test
    void keepsFileOrderSoTrecEvalOrderIsAChoice() throws IOException {
        Path file = dir.resolve("ties.run");
        // rank column says b first, but scores tie; trec_eval ignores ranks and puts "b" > "a" first anyway
        Files.writeString(file, "q Q0 a 1 5.0 t\nq Q0 b 2 5.0 t\nq Q0 c 3 9.0 t\n");
        Run run = TrecRun.read(file).orThrow();
        assertThat(run.ranking("q", RankOrder.AS_GIVEN)).containsExactly("a", "b", "c");
        assertThat(run.ranking("q", RankOrder.TREC_EVAL)).containsExactly("c", "b", "a");
    }

    @Test
    void writerRejectsBlankTagAndIdsWithWhitespace() {
        Run.Builder b = Run.builder();
        b.add("q1", "doc one", 1.0);
        assertThatThrownBy(() -> TrecRun.write(b.build(), " ", dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run tag must not be blank");
        assertThatThrownBy(() -> TrecRun.write(b.build(), "t", dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("document id 'doc one'");
    }

    @Test
    void runRejectsDuplicatesAndNaN() {
        assertThatThrownBy(() -> Run.of(java.util.Map.of("q", java.util.List.of(new ScoredDoc("d", 1), new ScoredDoc("d", 2)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists document 'd' twice");
        assertThatThrownBy(() -> new ScoredDoc("d", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
