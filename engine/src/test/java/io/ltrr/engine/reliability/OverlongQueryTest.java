package io.ltrr.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.context.SearchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query longer than the limit is refused up front with a message that says so, and nothing is logged. */
class OverlongQueryTest {
    @TempDir
    Path dir;

    @Test
    void aTenKilobyteQueryIsRejectedClearlyByTheRoundAndByTheArms() throws IOException {
        String query = "love song ".repeat(1024);
        try (Workbench wb = SmallWorkbench.open(SmallWorkbench.config(dir, dir.resolve("d")))) {
            assertThatThrownBy(() -> wb.search(query, SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 9, 0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("query is too long: 10240 characters (at most 1000)");
            assertThatThrownBy(() -> wb.searchArms(query, List.of(), 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("query is too long: 10240 characters (at most 1000)");
            assertThat(wb.logCounts()).containsEntry("searches", 0L);
        }
    }

    @Test
    void aQueryAtTheLimitIsSearchedAndLogged() throws IOException {
        String query = "a".repeat(999) + "\uD83C\uDFB5"; // 1000 characters (code points), 1001 UTF-16 units
        try (Workbench wb = SmallWorkbench.open(SmallWorkbench.config(dir, dir.resolve("d")))) {
            String id = wb.search(query, SearchContext.anonymous(LocalDateTime.of(2026, 1, 1, 9, 0))).searchId();
            assertThat(wb.impression(id).orElseThrow().query()).isEqualTo(query);
        }
    }
}
