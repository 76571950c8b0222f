package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
import io.ltrr.engine.api.IndexReport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.CatalogIndex;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged catalog index is found by its checksums when indexing (not reported "up to date") and rebuilt with
 * the reason said; a lost index is rebuilt with the settings the folder was indexed with; a damaged sidecar
 * names itself and its fix, and does not stand in the way of indexing a given catalog.
 */
class IndexDamageTest {
    @TempDir
    Path dir;

    @Test
    void aCorruptSegmentFileIsFoundAndTheIndexRebuiltSayingWhy() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        Path index = new DataLayout(config.dataDir()).catalogIndex();
        try (Workbench wb = SmallWorkbench.open(config)) {
            assertThat(wb.index(false, ProgressListener.NONE, CancellationToken.none()).reason())
                    .isEqualTo("up to date");
        }
        assertThat(CatalogIndex.damage(index)).isEmpty();
        flipByteInTheMiddleOf(largestFile(index));
        assertThat(CatalogIndex.damage(index)).isPresent();

        try (Workbench wb = Workbench.open(config)) {
            IndexReport report = wb.index(false, ProgressListener.NONE, CancellationToken.none());
            assertThat(report.rebuilt()).isTrue();
            assertThat(report.reason()).startsWith("the index was damaged");
        }
        assertThat(CatalogIndex.damage(index)).isEmpty();
    }

    @Test
    void theFolderRemembersItsIndexSettingsSoALostIndexIsRebuiltTheSameWay() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        assertThat(config.indexSettings().embeddings()).isFalse();
        SmallWorkbench.open(config).close();

        WorkbenchConfig remembered = WorkbenchConfig.defaults(config.dataDir());
        assertThat(remembered.indexSettings()).isEqualTo(config.indexSettings());
        assertThat(remembered.catalog().path()).isEqualTo(config.catalog().path().toAbsolutePath().normalize());
    }

    @Test
    void aDamagedCatalogSidecarNamesItsFixAndDoesNotBlockIndexingAGivenCatalog() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        SmallWorkbench.open(config).close();
        Path sidecar = new DataLayout(config.dataDir()).catalogSource();
        Files.writeString(sidecar, "{\"path\": \u0000garbage");

        assertThatThrownBy(() -> WorkbenchConfig.defaults(config.dataDir()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(sidecar.toString()).hasMessageContaining("ltrr index --force --catalog");

        WorkbenchConfig given = WorkbenchConfig.forCatalog(config.dataDir(), CatalogSource.of(config.catalog().path()))
                .withIndexSettings(config.indexSettings());
        try (Workbench wb = Workbench.open(given)) {
            wb.index(true, ProgressListener.NONE, CancellationToken.none());
        }
        assertThat(WorkbenchConfig.defaults(config.dataDir()).indexSettings()).isEqualTo(config.indexSettings());
        try (Stream<Path> files = Files.list(sidecar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static Path largestFile(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
    }

    private static void flipByteInTheMiddleOf(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xFF);
        }
    }

    @Test
    void aDamagedStateFileNamesItsFixAndDoesNotBlockIndexing() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        SmallWorkbench.open(config).close();
        Path state = new DataLayout(config.dataDir()).state();
        Files.writeString(state, "{ not json \u0007");
        try (Workbench wb = Workbench.open(config)) {
            assertThatThrownBy(() -> wb.search("love song", SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 12, 0))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(state.toString())
                    .hasMessageContaining("delete it");
            assertThat(wb.index(true, ProgressListener.NONE, CancellationToken.none()).rebuilt()).isTrue();
        }
    }
}
