package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.Workbench;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.DataLayout;
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
import io.ltrr.engine.store.FeedbackStoreException;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.pg.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbench whose configuration names a PostgreSQL store logs there, and another folder's workbench reads it. */
class WorkbenchOnPostgresTest {
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);

    @TempDir
    Path dir;

    private PostgresTestServer server;
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        server = PostgresTestServer.shared();
        String database = server.newDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
        url = server.jdbcUrl(database);
    }

    private WorkbenchConfig config(Path data, String password) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        if (!Files.exists(catalog)) {
            SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(),
                    catalog);
        }
        Path passwordFile = dir.resolve("pw-" + data.getFileName());
        Files.writeString(passwordFile, password + "\n");
        StoreChoice store = StoreChoice.postgresql(url.replace("jdbc:", ""), PostgresTestServer.TEAM_ROLE,
                passwordFile);
        return new WorkbenchConfig(data, CatalogSource.of(catalog), new IndexSettings(AnalyzerKind.FOLDING, false),
                ArmSettings.music(), 7L).withStore(store);
    }

    private static Workbench indexed(WorkbenchConfig config) {
        Workbench wb = Workbench.open(config);
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    @Test
    void aSearchAndAClickLoggedByOneFolderAreReadByAnotherOnTheSameStore() throws IOException {
        Path first = dir.resolve("a");
        SearchResult searched;
        try (Workbench wb = indexed(config(first, server.teamPassword()))) {
            searched = wb.search("love song", SearchContext.anonymous(NOON));
            wb.click(searched.searchId(), searched.results().getFirst().itemId());
        }
        assertThat(first.resolve("feedback.mv.db")).as("nothing in the folder's own H2 file").doesNotExist();
        try (Workbench other = indexed(config(dir.resolve("b"), server.teamPassword()))) {
            List<LogEvent> events = other.recentEvents(10, null, null);
            assertThat(events).extracting(LogEvent::kind).containsExactly(LogEvent.Kind.CLICK, LogEvent.Kind.SEARCH);
            assertThat(events).extracting(LogEvent::searchId).containsOnly(searched.searchId());
            assertThat(events.getFirst().itemId()).isEqualTo(searched.results().getFirst().itemId());
        }
    }

    @Test
    void theFolderStaysLockedWhileItsWorkbenchIsOpenOnPostgresql() throws IOException {
        WorkbenchConfig config = config(dir.resolve("a"), server.teamPassword());
        try (Workbench wb = Workbench.open(config)) {
            assertThatThrownBy(() -> Workbench.open(config)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
        Workbench.open(config).close();
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() throws IOException {
        String wrong = "not-the-team-secret-42";
        WorkbenchConfig config = config(dir.resolve("a"), wrong);
        assertThatThrownBy(() -> Workbench.open(config)).isInstanceOf(FeedbackStoreException.class)
                .hasMessageContaining(PostgresTestServer.TEAM_ROLE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("\n")
                        .doesNotContain(server.teamPassword()));
        Workbench.open(config(dir.resolve("a"), server.teamPassword())).close();
    }

    @Test
    void theChoiceIsRememberedInStoreJsonAndReadByTheDefaults() throws IOException {
        Path data = dir.resolve("a");
        Files.createDirectories(data);
        StoreChoice choice = config(data, server.teamPassword()).store();
        choice.write(new DataLayout(data).store());
        assertThat(WorkbenchConfig.defaults(data).store()).isEqualTo(choice);
        assertThat(Files.readString(new DataLayout(data).store())).doesNotContain(server.teamPassword());
    }
}
