package io.ltrr.engine.sim;

import io.ltrr.engine.catalog.CatalogFormat;
import io.ltrr.engine.catalog.Catalogs;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.index.CatalogIndexer;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: the shipped sample catalog indexed once (lexical only) into a temporary folder. */
final class SampleCatalogWorld {
    private static CatalogSimulation simulation;

    private SampleCatalogWorld() {
    }

    static synchronized CatalogSimulation simulation() {
        if (simulation == null) {
            try {
                Path catalog = locate();
                Path dir = Files.createTempDirectory("ltrr-sim-test");
                var items = Catalogs.load(catalog, CatalogFormat.SAMPLE, null).items();
                new CatalogIndexer(() -> null).build(items, IndexSettings.music().withEmbeddings(false),
                        dir.resolve("idx"), ProgressListener.NONE, CancellationToken.none());
                simulation = CatalogSimulation.over(CatalogIndex.open(dir.resolve("idx"), null), ArmSettings.music());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return simulation;
    }

    private static Path locate() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("sample-catalog").resolve("catalog.jsonl");
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IllegalStateException("sample-catalog/catalog.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
