package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.store.FeedbackStoreConfig;
import io.ltrr.engine.store.jdbc.H2FeedbackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The half of the durability promise that a kill cannot show (see {@link KillAfterAcknowledgementTest}): before a
 * search, click or rating is acknowledged, the bytes of its commit have been forced to the disk. The store is
 * opened through {@link ObservedFileSystem}, an H2 file system that logs every write and force H2 makes on the
 * database file; for each facade call the test checks that the call wrote to the file and that the last operation
 * on the file before the call returned (where a command prints the id) is a force, after the last write.
 *
 * <p>What this proves: the workbench asks the operating system to put the event on the disk
 * ({@code FileChannel.force}, an fsync) after the last byte of it was written and before it returns the id, so a
 * power cut after the acknowledgement finds those bytes on the disk. What it cannot prove: that the disk honours
 * the flush (a drive or virtual disk with a volatile write cache that acknowledges flushes early loses the event
 * on a power cut whatever the software does); nor that H2 reads the synced bytes back as the newest state after a
 * power cut. That recovery is the code path a SIGKILL exercises too ({@link KillAfterAcknowledgementTest}); what
 * neither test simulates is a power cut tearing a later, unacknowledged write.
 */
class SyncBeforeAcknowledgementTest {
    private static final String DATABASE_FILE = "feedback.mv.db";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventIsForcedToDiskAfterItsLastWriteAndBeforeItIsAcknowledged() throws Exception {
        WorkbenchConfig config = SmallWorkbench.config(dir, dir.resolve("data"));
        SmallWorkbench.open(config).close(); // the index is built here
        ObservedFileSystem.register();
        H2FeedbackStore store = H2FeedbackStore.open(config.dataDir(), FeedbackStoreConfig.defaults(),
                Clock.systemUTC(), UnaryOperator.identity(), ObservedFileSystem.SCHEME);
        try (Workbench wb = Workbench.open(config, store)) {
            LocalDateTime t0 = LocalDateTime.of(2026, 1, 5, 9, 0);
            for (int i = 0; i < 3; i++) {
                SearchContext ctx = SearchContext.anonymous(t0.plusMinutes(i));
                String query = SmallWorkbench.QUERIES.get(i);
                SearchResult r = acknowledged("search " + i, () -> wb.search(query, ctx));
                String item = r.results().getFirst().itemId();
                acknowledged("click " + i, () -> wb.click(r.searchId(), item));
                acknowledged("rating " + i, () -> wb.rate(r.searchId(), item, 2, "sync-test"));
            }
        }
    }

    /** Runs one facade call and checks the database file's operations during it; returns its result. */
    private static <T> T acknowledged(String call, Supplier<T> work) {
        ObservedFileSystem.clear();
        T result = work.get();
        List<String> trace = ObservedFileSystem.log().stream()
                .filter(o -> o.file().endsWith(DATABASE_FILE))
                .map(ObservedFileSystem.Operation::kind)
                .toList();
        assertThat(trace).as("operations on %s during %s", DATABASE_FILE, call).contains("write");
        assertThat(trace.getLast()).as("the last operation before %s was acknowledged, of %s", call, trace)
                .isEqualTo("force");
        return result;
    }
}
