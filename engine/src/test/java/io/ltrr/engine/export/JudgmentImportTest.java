package io.ltrr.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.Judgments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing judgments never destroys what is there by accident: additive by default, replacing only when asked,
 * a file with no valid line changes nothing, and each bad line (grade off the scale, over-long field) is a
 * problem of its own line while the rest imports.
 */
class JudgmentImportTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void importsAddUnlessReplaceIsAskedAndAnEmptyFileChangesNothing() throws IOException {
        try (DataExport data = DataExport.open(dir.resolve("data"))) {
            Path first = file("a.csv", "query,docid,rating\nlove,t1,3\nlove,t2,1\n");
            assertThat(data.importJudgments(first, DataExport.JudgmentFormat.CSV, "team", false).count())
                    .isEqualTo(new Judgments.ImportCount(2, 0, 0, 0));

            Path second = file("b.csv", "love,t2,2\njazz,t9,0\n");
            assertThat(data.importJudgments(second, DataExport.JudgmentFormat.CSV, "team", false).count())
                    .isEqualTo(new Judgments.ImportCount(1, 1, 0, 0));
            assertThat(data.judgments()).extracting(Judgment::itemId, Judgment::grade)
                    .containsExactlyInAnyOrder(tuple("t9", 0),
                            tuple("t1", 3), tuple("t2", 2));

            Path garbage = file("garbage.csv", "\u0000\u0001 not a judgment\nstill,not\n");
            DataExport.JudgmentImport none = data.importJudgments(garbage, DataExport.JudgmentFormat.CSV, "team", true);
            assertThat(none.valid()).isZero();
            assertThat(none.problems()).hasSize(2);
            assertThat(none.count()).isEqualTo(new Judgments.ImportCount(0, 0, 0, 0));
            assertThat(data.judgments()).hasSize(3);

            DataExport.JudgmentImport replaced = data.importJudgments(second, DataExport.JudgmentFormat.CSV, "team",
                    true);
            assertThat(replaced.count()).isEqualTo(new Judgments.ImportCount(0, 0, 2, 1));
            assertThat(data.judgments()).extracting(Judgment::itemId).containsExactlyInAnyOrder("t2", "t9");
        }
    }

    @Test
    void gradesOffTheScaleAndOverLongFieldsAreProblemsOfTheirLinesAndTheRestImports() throws IOException {
        String longQuery = "q".repeat(5000);
        Path csv = file("mixed.csv", "love,t1,-1\nlove,t2,99\n" + longQuery + ",t3,2\nlove,t4,2\nlove,"
                + "i".repeat(600) + ",1\n");
        Path qrels = file("mixed.qrels", "q1 0 d1 -1\nq1 0 d2 4\nq1 0 d3 2\n");
        try (DataExport data = DataExport.open(dir.resolve("data"))) {
            DataExport.JudgmentImport read = data.importJudgments(csv, DataExport.JudgmentFormat.CSV, "csv", false);
            assertThat(read.valid()).isEqualTo(1);
            assertThat(read.problems()).extracting(p -> p.line()).containsExactly(1L, 2L, 3L, 5L);
            assertThat(read.problems().get(0).reason()).contains("grade -1 is outside the scale 0..3");
            assertThat(read.problems().get(2).reason()).contains("5000 characters").contains("at most 4096");
            assertThat(read.problems().get(3).reason()).contains("item id").contains("at most 512");

            DataExport.JudgmentImport trec = data.importJudgments(qrels, DataExport.JudgmentFormat.TREC, "trec", false);
            assertThat(trec.valid()).isEqualTo(1);
            assertThat(trec.problems()).extracting(p -> p.line()).containsExactly(1L, 2L);
        }
    }

    @Test
    void anOverLongSourceNameIsRefusedBeforeAnythingIsRead() throws IOException {
        Path csv = file("a.csv", "love,t1,3\n");
        try (DataExport data = DataExport.open(dir.resolve("data"))) {
            assertThatThrownBy(() -> data.importJudgments(csv, DataExport.JudgmentFormat.CSV, "s".repeat(300), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 256");
            assertThat(data.judgments()).isEmpty();
        }
    }
}
