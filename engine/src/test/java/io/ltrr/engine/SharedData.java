package io.ltrr.engine;

import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared data folder ({@code ../shared/data} from the project root) and the shipped sample
 * catalog.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The {@code shared/data} folder nearest above the working directory. */
    public static Path dir() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath()
                + " (the tests expect ../shared/data beside the project)");
    }

    public static Path scifact() {
        return dir().resolve("scifact-dev");
    }

    public static Path freemusicc() {
        return dir().resolve("freemusicc");
    }

    /** The shipped {@code sample-catalog/catalog.jsonl} nearest above the working directory. */
    public static Path sampleCatalogFile() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("sample-catalog").resolve("catalog.jsonl");
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IllegalStateException("sample-catalog/catalog.jsonl not found above " + Path.of("").toAbsolutePath());
    }

    /** The sample catalog indexed without embeddings into a new temporary folder named after {@code prefix}. */
    public static CatalogIndex lexicalSampleIndex(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix).resolve("idx");
            var items = Catalogs.load(sampleCatalogFile(), CatalogFormat.SAMPLE, null).items();
            new CatalogIndexer(() -> null).build(items, IndexSettings.music().withEmbeddings(false), dir,
                    ProgressListener.NONE, CancellationToken.none());
            return CatalogIndex.open(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
