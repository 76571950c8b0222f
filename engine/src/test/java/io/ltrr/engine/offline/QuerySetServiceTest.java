package io.ltrr.engine.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.api.JudgmentSource;
import io.ltrr.engine.api.QuerySampling;
import io.ltrr.engine.api.QuerySetImport;
import io.ltrr.engine.io.LoadProblem;
import io.ltrr.engine.store.Judgment;
import io.ltrr.engine.store.QuerySet;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuerySetServiceTest {
    @TempDir
    Path dir;

    @Test
    void typedQueriesAreStrippedAndKeptOnceAndAnOverLongOneIsRefused() {
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("data"))) {
            QuerySetService service = new QuerySetService(store);
            QuerySet set = service.create("s", List.of(" jazz ", "jazz", "", "rock"));
            assertThat(set.queries()).containsExactly("jazz", "rock");
            assertThatThrownBy(() -> service.create("t", List.of("x".repeat(1001)))).hasMessageContaining("too long");
            assertThatThrownBy(() -> service.create("u", List.of(" "))).hasMessageContaining("at least one");
            assertThat(service.list()).extracting(QuerySet::name).containsExactly("s");
        }
    }

    @Test
    void aFileWithBadLinesMakesASetOfTheRestAndAFileWithNoneMakesNothing() throws IOException {
        Path good = dir.resolve("q.txt");
        Files.writeString(good, "jazz\njazz\n" + "y".repeat(1001) + "\nrock\n");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "z".repeat(1001) + "\n");
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("data"))) {
            QuerySetService service = new QuerySetService(store);
            QuerySetImport made = service.importFile("from-file", good);
            assertThat(made.set().queries()).containsExactly("jazz", "rock");
            assertThat(made.set().origin()).isEqualTo("file q.txt");
            assertThat(made.problems()).extracting(LoadProblem::line).containsExactly(2L, 3L);
            assertThatThrownBy(() -> service.importFile("none", bad)).hasMessageContaining("no query could be read")
                    .hasMessageContaining("bad.txt:1");
            assertThatThrownBy(() -> service.importFile("missing", dir.resolve("nope.txt")))
                    .hasMessageContaining("no such file");
            assertThat(service.find("none")).isEmpty();
        }
    }

    @Test
    void samplingAnEmptyLogIsRefusedWithAReason() {
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("data"))) {
            QuerySetService service = new QuerySetService(store);
            assertThatThrownBy(() -> service.sample("s", QuerySampling.RANDOM, 5, 1))
                    .hasMessageContaining("no queries to sample");
            assertThatThrownBy(() -> service.sample("s", QuerySampling.RANDOM, 0, 1)).hasMessageContaining(">= 1");
        }
    }

    @Test
    void theSetsJudgmentsComeFromTheChosenSourceKeyedByTheSetsQueryText() {
        try (H2FeedbackStore store = H2FeedbackStore.open(dir.resolve("data"))) {
            store.judgments().importAll("gold", List.of(new Judgment("jazz", "a", 2, "gold"),
                    new Judgment("blues", "b", 1, "gold")), false);
            QuerySetService service = new QuerySetService(store);
            service.create("s", List.of("Jazz"));
            assertThat(service.setJudgments("s", JudgmentSource.imported("gold")))
                    .containsExactly(new Judgment("Jazz", "a", 2, "imported:gold"));
            assertThat(service.setJudgments("s", JudgmentSource.OWN)).isEmpty();
            assertThatThrownBy(() -> service.setJudgments("s", JudgmentSource.imported("silver")))
                    .hasMessageContaining("imported sources: [gold]");
            assertThatThrownBy(() -> service.setJudgments("nope", JudgmentSource.ALL))
                    .hasMessageContaining("no query set named 'nope'; sets: [s]");
        }
    }

    @Test
    void judgmentSourcesParseFromTheirTextForm() {
        assertThat(JudgmentSource.parse("imported:gold.csv")).isEqualTo(JudgmentSource.imported("gold.csv"));
        assertThat(JudgmentSource.parse("own")).hasToString("own");
        assertThatThrownBy(() -> JudgmentSource.parse("imported:")).hasMessageContaining("own, all or imported:SOURCE");
    }
}
