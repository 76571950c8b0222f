package io.ltrr.engine.qu;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.catalog.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tagger's dictionary kept in the data folder: read back, it analyses every query as the built one does. */
class TaggerDictionaryFileTest {
    private static final List<String> QUERIES = List.of("tayler love", "taylor swift love story", "jazz 1970s albums",
            "triphop", "minimal tech house", "kind of blu", "the beat", "", "zzzz unknown words", "swif");

    @TempDir
    Path dir;

    @Test
    void aDictionaryReadBackAnalysesEveryQueryAsTheBuiltOne() {
        Path file = dir.resolve("tagger.bin");
        CatalogTagger built = CatalogTagger.cached(file, "fp-1", SmallCatalog::items);
        assertThat(file).exists();
        AtomicInteger asked = new AtomicInteger();
        CatalogTagger read = CatalogTagger.cached(file, "fp-1", counting(asked));
        assertThat(asked).as("the items are not read when the file holds the key").hasValue(0);
        CatalogTagger reference = CatalogTagger.build(SmallCatalog.items());
        for (String q : QUERIES) {
            assertThat(read.analyze(q)).as(q).isEqualTo(reference.analyze(q)).isEqualTo(built.analyze(q));
        }
    }

    @Test
    void anotherKeyRebuildsFromTheItemsAndKeepsTheNewKey() {
        Path file = dir.resolve("tagger.bin");
        CatalogTagger.cached(file, "fp-1", SmallCatalog::items);
        AtomicInteger asked = new AtomicInteger();
        CatalogTagger.cached(file, "fp-2", counting(asked));
        assertThat(asked).hasValue(1);
        CatalogTagger.cached(file, "fp-2", counting(asked));
        assertThat(asked).as("kept under the new key").hasValue(1);
    }

    @Test
    void aDamagedFileIsRebuiltNeverTrusted() throws IOException {
        Path file = dir.resolve("tagger.bin");
        CatalogTagger.cached(file, "fp-1", SmallCatalog::items);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        AtomicInteger asked = new AtomicInteger();
        CatalogTagger rebuilt = CatalogTagger.cached(file, "fp-1", counting(asked));
        assertThat(asked).hasValue(1);
        assertThat(rebuilt.analyze("tayler love")).isEqualTo(CatalogTagger.build(SmallCatalog.items())
                .analyze("tayler love"));
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }

    @Test
    void aBlankKeyIsNeverKept() {
        Path file = dir.resolve("tagger.bin");
        CatalogTagger.cached(file, "", SmallCatalog::items);
        assertThat(file).doesNotExist();
    }

    private static Supplier<List<Item>> counting(AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return SmallCatalog.items();
        };
    }
}
