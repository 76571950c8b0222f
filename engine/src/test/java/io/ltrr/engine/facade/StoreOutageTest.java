package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.FeedbackResult;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.StoreOfflineException;
import io.ltrr.engine.store.StoreStatus;
import io.ltrr.engine.store.pg.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared store's server goes down in the middle of a session (issue 20): the click being given is refused as
 * not saved, in one line; the store reports itself offline; once the server is back the store reconnects by itself,
 * reports online, and the click given again is saved once. Nothing refused is in the log.
 */
class StoreOutageTest {
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 7, 12, 0);

    @TempDir
    Path dir;

    private PostgresTestServer server;

    @BeforeEach
    void startOwnServer() {
        server = PostgresTestServer.start(); // its own: this test stops it
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private WorkbenchConfig config() throws Exception {
        String database = server.newDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
        Path catalog = dir.resolve("catalog.jsonl");
        SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(), catalog);
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, server.teamPassword() + "\n");
        StoreChoice store = StoreChoice.postgresql(server.jdbcUrl(database).replace("jdbc:", ""),
                PostgresTestServer.TEAM_ROLE, passwordFile);
        return new WorkbenchConfig(dir.resolve("data"), CatalogSource.of(catalog),
                new IndexSettings(AnalyzerKind.FOLDING, false), ArmSettings.music(), 7L).withStore(store);
    }

    @Test
    void aClickDuringAnOutageIsNotSavedAndTheStoreReconnectsWhenTheServerIsBack() throws Exception {
        try (Workbench wb = Workbench.open(config())) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
            SearchResult r = wb.search("love song", SearchContext.anonymous(NOON));
            String item = r.results().getFirst().itemId();
            assertThat(wb.storeStatus().online()).isTrue();

            server.stopServer();
            assertThatThrownBy(() -> wb.click(r.searchId(), item))
                    .isInstanceOf(StoreOfflineException.class)
                    .hasMessageContaining("is offline")
                    .hasMessageContaining("nothing of this was saved")
                    .hasMessageNotContaining(server.teamPassword())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            StoreStatus down = wb.storeStatus();
            assertThat(down.online()).isFalse();
            assertThat(down.shared()).isTrue();
            assertThat(down.problem().orElseThrow()).contains("not reachable").doesNotContain(server.teamPassword());
            assertThatThrownBy(() -> wb.search("ambient", SearchContext.anonymous(NOON.plusMinutes(1))))
                    .isInstanceOf(StoreOfflineException.class);

            server.startAgain();
            assertThat(wb.storeStatus().online()).as("reconnected by the status check").isTrue();
            FeedbackResult click = wb.click(r.searchId(), item);
            assertThat(click.repeat()).as("the refused click was never saved").isFalse();
            SearchResult after = wb.search("ambient", SearchContext.anonymous(NOON.plusMinutes(2)));
            assertThat(after.searchId()).isNotEqualTo(r.searchId());
            assertThat(wb.recentEvents(100, LogEvent.Kind.CLICK, null)).singleElement()
                    .satisfies(e -> assertThat(e.searchId()).isEqualTo(r.searchId()));
        }
    }

    @Test
    void aStoreThatIsDownWhenTheWorkbenchOpensIsOneLine() throws Exception {
        WorkbenchConfig config = config();
        server.stopServer();
        assertThatThrownBy(() -> Workbench.open(config))
                .hasMessageContaining("not reachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
