package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (every write of the database failing, through an H2 file system) fails the click that could not be
 * written, with "No space left on device" in its causes for the command line to name, and loses nothing that was
 * acknowledged before it.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @AfterEach
    void spaceAgain() {
        ObservedFileSystem.diskFull(false);
    }

    @Test
    void aWriteOnAFullDiskFailsAndWhatWasAcknowledgedStays() throws IOException {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        SmallWorkbench.open(config).close();
        ObservedFileSystem.register();
        SearchContext ctx = SearchContext.anonymous(LocalDateTime.of(2026, 1, 5, 9, 0));
        Workbench wb = Workbench.open(config, H2FeedbackStore.open(config.dataDir(), FeedbackStoreConfig.defaults(),
                Clock.systemUTC(), UnaryOperator.identity(), ObservedFileSystem.SCHEME));
        SearchResult acknowledged = wb.search("love song", ctx);

        ObservedFileSystem.diskFull(true);
        assertThatThrownBy(() -> wb.click(acknowledged.searchId(), acknowledged.results().getFirst().itemId()))
                .satisfies(e -> assertThat(causes(e)).contains("No space left on device"));
        ObservedFileSystem.diskFull(false);
        try {
            wb.close();
        } catch (RuntimeException closingABrokenStore) {
            // H2 may refuse to close a store whose write failed; what counts is what the file holds.
        }

        try (Workbench reopened = Workbench.open(config)) {
            assertThat(reopened.impression(acknowledged.searchId())).isPresent();
            assertThat(reopened.logCounts()).containsEntry("searches", 1L).containsEntry("clicks", 0L);
        }
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 10_000; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
