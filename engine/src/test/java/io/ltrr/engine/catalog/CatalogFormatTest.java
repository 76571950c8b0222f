package io.ltrr.engine.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFormatTest {

    @TempDir
    Path dir;

    @Test
    void detectsBeirFromADirectoryWithACorpus() throws IOException {
        Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\":\"1\",\"title\":\"\",\"text\":\"t\"}\n");
        assertThat(CatalogFormat.detect(dir)).isEqualTo(CatalogFormat.BEIR);
        assertThat(CatalogFormat.detect(SharedData.scifactDev())).isEqualTo(CatalogFormat.BEIR);
    }

    @Test
    void detectsTheSampleCatalogFromItsDirectoryAndFromItsSchema() throws IOException {
        Item item = new Item("a", ItemType.ALBUM, "A", "", "", List.of(), List.of(), 0, "", 0, 0.5, "", "");
        FreemusiccDeriver.writeSampleCatalog(List.of(item), dir);
        SampleCatalogWriter.write(List.of(item), dir.resolve("other.jsonl.gz"));

        assertThat(CatalogFormat.detect(dir)).isEqualTo(CatalogFormat.SAMPLE);
        assertThat(CatalogFormat.detect(dir.resolve("catalog.jsonl"))).isEqualTo(CatalogFormat.SAMPLE);
        assertThat(CatalogFormat.detect(dir.resolve("other.jsonl.gz"))).isEqualTo(CatalogFormat.SAMPLE);
        assertThat(Catalogs.load(dir).items()).containsExactly(item);
    }

    @Test
    void detectsCsvAndGenericJsonlByExtension() throws IOException {
        Path csv = Files.writeString(dir.resolve("Tracks.CSV"), "id,title\n");
        Path jsonl = Files.writeString(dir.resolve("items.jsonl"), "{\"id\":\"1\",\"title\":\"x\"}\n");
        assertThat(CatalogFormat.detect(csv)).isEqualTo(CatalogFormat.CSV);
        assertThat(CatalogFormat.detect(jsonl)).isEqualTo(CatalogFormat.JSONL);
    }

    @Test
    void rejectsPathsItCannotPlaceWithAMessage() throws IOException {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> CatalogFormat.detect(txt)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".csv");
        assertThatThrownBy(() -> CatalogFormat.detect(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corpus.jsonl");
        Path missing = dir.resolve("gone.csv");
        assertThatThrownBy(() -> Catalogs.load(missing)).isInstanceOf(NoSuchFileException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void loadsTheShippedSampleCatalogWithoutProblems() throws IOException {
        LoadResult r = Catalogs.load(SharedData.projectRoot().resolve("sample-catalog"), CatalogFormat.SAMPLE, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).hasSize(30_417);
    }
}
