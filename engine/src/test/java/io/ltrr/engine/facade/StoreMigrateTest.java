package io.ltrr.engine.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltrr.engine.FeedbackStores;
import io.ltrr.engine.Workbench;
import io.ltrr.engine.agreement.AgreementReport;
import io.ltrr.engine.api.CatalogSource;
import io.ltrr.engine.api.SearchResult;
import io.ltrr.engine.api.StoreChoice;
import io.ltrr.engine.api.StoreMigrationReport;
import io.ltrr.engine.api.WorkbenchConfig;
import io.ltrr.engine.catalog.SampleCatalogWriter;
import io.ltrr.engine.clicks.ClickSession;
import io.ltrr.engine.context.SearchContext;
import io.ltrr.engine.export.DataExport;
import io.ltrr.engine.index.AnalyzerKind;
import io.ltrr.engine.index.IndexSettings;
import io.ltrr.engine.progress.CancellationToken;
import io.ltrr.engine.progress.ProgressListener;
import io.ltrr.engine.retrieval.ArmSettings;
import io.ltrr.engine.retrieval.TestCatalogs;
import io.ltrr.engine.store.LogEvent;
import io.ltrr.engine.store.pg.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ltrr store migrate}: a data folder's H2 store copied into PostgreSQL, verified, idempotent. */
class StoreMigrateTest {
    private static final String ALTER_OWNER = "ALTER DATABASE %s OWNER TO " + PostgresTestServer.TEAM_ROLE;
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 20, 12, 0);

    @TempDir
    Path dir;

    private PostgresTestServer server;
    private String url;
    private Path passwordFile;

    @BeforeEach
    void createDatabase() throws SQLException, IOException {
        server = PostgresTestServer.shared();
        String database = server.newDatabase();
        try (Connection c = server.connect("postgres");
             PreparedStatement ps = c.prepareStatement(ALTER_OWNER.formatted(database))) {
            ps.execute();
        }
        url = server.jdbcUrl(database);
        passwordFile = dir.resolve("pw");
        Files.writeString(passwordFile, server.teamPassword() + "\n");
    }

    private WorkbenchConfig config(Path data) throws IOException {
        Path catalog = dir.resolve("catalog.jsonl");
        if (!Files.exists(catalog)) {
            SampleCatalogWriter.write(TestCatalogs.music().stream().filter(i -> i.text().isEmpty()).toList(),
                    catalog);
        }
        return new WorkbenchConfig(data, CatalogSource.of(catalog), new IndexSettings(AnalyzerKind.FOLDING, false),
                ArmSettings.music(), 7L);
    }

    private static Workbench indexed(WorkbenchConfig config) {
        Workbench wb = Workbench.open(config);
        if (!wb.hasIndex()) {
            wb.index(false, ProgressListener.NONE, CancellationToken.none());
        }
        return wb;
    }

    /**
     * A folder as the current workbench leaves it: searches, clicks, two annotators' ratings, judgments, a set, an
     * imported UBI log.
     */
    private Path folderWithData() throws IOException {
        Path data = dir.resolve("data");
        try (Workbench wb = indexed(config(data))) {
            for (String q : List.of("love song", "love", "love song")) {
                SearchResult r = wb.search(q, SearchContext.anonymous(NOON));
                String top = r.results().getFirst().itemId();
                wb.click(r.searchId(), top);
                wb.rate(r.searchId(), top, 3, "ann");
                wb.rate(r.searchId(), top, 2, "bob");
                wb.rate(r.searchId(), r.results().get(1).itemId(), 1, "bob");
            }
            wb.createQuerySet("team-set", List.of("love song", "jazz"));
            Path queries = dir.resolve("ubi_queries.ndjson");
            Path events = dir.resolve("ubi_events.ndjson");
            wb.ubi().exportLog(queries, events);
            wb.ubi().importLog(queries, events, "own-ubi", false);
        }
        Path qrels = dir.resolve("j.csv");
        Files.writeString(qrels, "query,docid,rating\nlove,t1,3\njazz,t9,0\n");
        try (DataExport export = DataExport.open(data)) {
            export.importJudgments(qrels, DataExport.JudgmentFormat.CSV, "team", false);
        }
        return data;
    }

    @Test
    void aFolderIsCopiedVerifiedAndUsedAndASecondRunChangesNothing() throws IOException {
        Path data = folderWithData();
        StoreChoice target = StoreChoice.postgresql(url.replace("jdbc:", ""), PostgresTestServer.TEAM_ROLE,
                passwordFile);

        StoreMigrationReport first = FeedbackStores.migrate(data, target);
        assertThat(first.alreadyMigrated()).isFalse();
        assertThat(first.tables()).hasSize(26).allSatisfy((t, c) -> assertThat(c.postgresql()).as(t).isEqualTo(c.h2()));
        assertThat(first.tables().get("searches").h2()).isEqualTo(3);
        assertThat(first.tables().get("clicks").h2()).isEqualTo(3);
        assertThat(first.tables().get("ratings").h2()).isEqualTo(9);
        assertThat(first.tables().get("judgments").h2()).isEqualTo(2);
        assertThat(first.tables().get("query_sets").h2()).isEqualTo(1);
        assertThat(first.tables().get("query_set_queries").h2()).isEqualTo(2);
        assertThat(first.tables().get("imported_ubi_queries").h2()).isEqualTo(3);
        assertThat(first.tables().get("imported_ubi_hits").h2()).isEqualTo(8);
        assertThat(first.tables().get("imported_ubi_events").h2()).isEqualTo(12);
        assertThat(WorkbenchConfig.defaults(data).store()).isEqualTo(target);

        StoreMigrationReport second = FeedbackStores.migrate(data, target);
        assertThat(second.alreadyMigrated()).isTrue();
        assertThat(second.tables()).isEqualTo(first.tables());

        List<LogEvent> before;
        AgreementReport agreement;
        List<ClickSession> sessions;
        try (Workbench h2 = Workbench.open(config(data))) {
            before = h2.recentEvents(100, null, null);
            agreement = h2.offline().agreement(List.of("ann", "bob"));
            sessions = h2.ubi().clickSessions("own-ubi");
        }
        try (Workbench wb = indexed(config(data).withStore(target))) {
            assertThat(wb.recentEvents(100, null, null)).as("the same log, its times to PostgreSQL's microsecond")
                    .isEqualTo(before.stream().map(e -> new LogEvent(e.kind(), e.time().truncatedTo(ChronoUnit.MICROS),
                            e.searchId(), e.itemId(), e.detail(), e.annotator())).toList());
            assertThat(wb.offline().agreement(List.of("ann", "bob"))).isEqualTo(agreement);
            assertThat(agreement.sharedItems()).isPositive();
            assertThat(wb.querySet("team-set")).isPresent();
            assertThat(wb.ubi().clickSessions("own-ubi")).isEqualTo(sessions).hasSize(3);
            SearchResult next = wb.search("song", SearchContext.anonymous(NOON.plusHours(1)));
            assertThat(before).extracting(LogEvent::searchId).doesNotContain(next.searchId());
            wb.click(next.searchId(), next.results().getFirst().itemId());
            wb.createQuerySet("second-set", List.of("rock"));
            assertThat(wb.querySets()).hasSize(2);
        }
        assertThatThrownBy(() -> FeedbackStores.migrate(data, target)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds other data");
    }

    @Test
    void aDatabaseWithOtherRowsIsRefusedAndLeftAlone() throws IOException {
        StoreChoice target = StoreChoice.postgresql(url, PostgresTestServer.TEAM_ROLE, passwordFile);
        try (Workbench other = indexed(config(dir.resolve("other")).withStore(target))) {
            SearchResult r = other.search("love", SearchContext.anonymous(NOON));
            other.click(r.searchId(), r.results().getFirst().itemId());
        }
        Path data = folderWithData();
        assertThatThrownBy(() -> FeedbackStores.migrate(data, target)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds other data")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(server.teamPassword()));
        assertThat(WorkbenchConfig.defaults(data).store()).isEqualTo(StoreChoice.h2());
    }
}
