package io.ltrr.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltrr.engine.store.ClickEvent;
import io.ltrr.engine.store.FeedbackStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store appends every commit to its file (REUSE_SPACE=FALSE, ADR 0007), so the file grows with every event;
 * closing it when most of it is dead copies the live data to a new file that replaces the old one. The events
 * are all there afterwards, and a store with little dead space is closed without a copy.
 */
class CompactOnCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingASparseStoreCompactsItsFileAndKeepsEveryEvent() throws Exception {
        Path file = dir.resolve("feedback.mv.db");
        List<String> searches = new ArrayList<>();
        List<String> clicks = new ArrayList<>();
        long beforeClose;
        try (FeedbackStore store = H2FeedbackStore.open(dir)) {
            for (int i = 0; i < 300; i++) {
                String id = Fixtures.record(store, Fixtures.T0.plusSeconds(i), "query " + i);
                searches.add(id);
                clicks.add(store.feedbackLog().recordClick(id, "item-b", Fixtures.T0.plusSeconds(i)).eventId());
            }
            beforeClose = Files.size(file);
        }
        long afterClose = Files.size(file);
        assertThat(afterClose).as("file size after closing, was %d before", beforeClose).isLessThan(beforeClose / 2);
        assertThat(dir.resolve("feedback.mv.db.tempFile")).doesNotExist();

        try (FeedbackStore store = H2FeedbackStore.open(dir)) {
            assertThat(store.searchLog().count()).isEqualTo(searches.size());
            for (int i = 0; i < searches.size(); i++) {
                assertThat(store.feedbackLog().clicksOf(searches.get(i))).extracting(ClickEvent::clickId)
                        .containsExactly(clicks.get(i));
            }
            String next = Fixtures.record(store, Fixtures.T0.plusSeconds(1_000), "after compaction");
            assertThat(searches).doesNotContain(next);
        }
        long reopenedAndClosed = Files.size(file);
        assertThat(reopenedAndClosed).as("one more event does not make the file sparse").isLessThan(afterClose * 2);
    }
}
