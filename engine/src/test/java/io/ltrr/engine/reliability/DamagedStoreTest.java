package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged feedback store is reported with what to do, and never silently replaced by an empty one. */
class DamagedStoreTest {
    @TempDir
    Path data;

    @Test
    void aZeroByteDatabaseIsReportedNotReplaced() throws IOException {
        H2FeedbackStore.open(data).close();
        Path file = data.resolve("feedback.mv.db");
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> H2FeedbackStore.open(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("empty (0 bytes)")
                .hasMessageContaining("restore it from a backup");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aGarbledDatabaseIsReportedNotReplaced() throws IOException {
        H2FeedbackStore.open(data).close();
        Path file = data.resolve("feedback.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> H2FeedbackStore.open(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged or unreadable");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void resetSetsADamagedStoreAsideAsABackupAndRefusesAHealthyOne() throws IOException {
        H2FeedbackStore.open(data).close();
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> H2FeedbackStore.setAsideDamaged(data, clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not damaged");
        assertThat(data.resolve("feedback.mv.db")).isNotEmptyFile();

        Files.write(data.resolve("feedback.mv.db"), new byte[0]);
        Path backup = H2FeedbackStore.setAsideDamaged(data, clock);
        assertThat(backup).hasFileName("feedback.mv.db.damaged-2026-12-06T10-00-00Z").exists();
        assertThat(data.resolve("feedback.mv.db")).doesNotExist();
        try (H2FeedbackStore fresh = H2FeedbackStore.open(data)) {
            assertThat(fresh.searchLog().count()).isZero();
        }
    }

    /** Half a file: H2's recovery alone would open an older state; the counts of the last close catch it. */
    @Test
    void aTruncatedDatabaseIsReportedNotOpenedWithAnOlderState() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(data, data.resolve("folder"));
        try (Workbench wb = SmallWorkbench.open(config)) {
            for (int i = 0; i < 5; i++) {
                wb.search(SmallWorkbench.QUERIES.get(i), SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 9, i)));
            }
        }
        Path file = config.dataDir().resolve("feedback.mv.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThatThrownBy(() -> H2FeedbackStore.open(config.dataDir())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");
    }
}
