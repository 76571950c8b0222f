package io.ltrr.engine.catalog;

import io.ltrr.engine.io.LoadProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BeirCorpusReaderTest {

    @Test
    void readsAllScifactDevDocuments() throws IOException {
        LoadResult r = new BeirCorpusReader().read(SharedData.scifactDev());

        assertThat(r.loaded()).isEqualTo(5_183);
        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).allSatisfy(doc -> {
            assertThat(doc.type()).isEqualTo(ItemType.DOCUMENT);
            assertThat(doc.text()).isNotBlank();
        });
        assertThat(r.items()).filteredOn(doc -> !doc.title().isEmpty()).hasSizeGreaterThan(5_000);
    }

    @Test
    void reportsLinesWithoutAnIdOrValidJson(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, """
                {"_id":"1","title":"T","text":"body","metadata":{}}
                {"title":"no id","text":"x"}
                not json
                {"_id":"2","text":"untitled"}
                """);
        LoadResult r = Catalogs.load(dir);

        assertThat(r.items()).containsExactly(Item.document("1", "T", "body"), Item.document("2", "", "untitled"));
        assertThat(r.problems()).extracting(LoadProblem::line, LoadProblem::reason)
                .first().isEqualTo(tuple(2L, "missing _id"));
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(2L, 3L);
    }
}
